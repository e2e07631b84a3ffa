package io.presence.notifier.websocket;

/**
 * A text frame on its way to one socket, with what to do once it is written or failed. Identity
 * matters: two equal texts to one socket are two frames, so this is a class, not a record.
 */
final class OutgoingFrame {

    private static final Runnable NOTHING = () -> { };

    private final String text;
    private final Runnable onWritten;
    private final Runnable onFailed;

    OutgoingFrame(String text, Runnable onWritten, Runnable onFailed) {
        this.text = text;
        this.onWritten = onWritten;
        this.onFailed = onFailed;
    }

    /** A frame of the server's own (redirect, error) that nobody waits for. */
    static OutgoingFrame control(String text) {
        return new OutgoingFrame(text, NOTHING, NOTHING);
    }

    String text() {
        return text;
    }

    void written() {
        onWritten.run();
    }

    void failed() {
        onFailed.run();
    }
}
