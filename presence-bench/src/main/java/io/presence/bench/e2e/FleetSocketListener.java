package io.presence.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;

/**
 * One fleet socket's listener: the server's {@code ready} frame is reported once; every
 * notification frame becomes a {@link FleetLine.Frame} stamped when its first part arrived; any other
 * control frame, a close or an error is reported as lost.
 */
final class FleetSocketListener implements WebSocket.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String userId;
    private final FleetOutput out;
    private final Runnable onReady;
    private final StringBuilder partial = new StringBuilder();
    private long firstPartNanos;

    FleetSocketListener(String userId, FleetOutput out, Runnable onReady) {
        this.userId = userId;
        this.out = out;
        this.onReady = onReady;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        if (partial.isEmpty()) {
            firstPartNanos = System.nanoTime();
        }
        partial.append(data);
        if (last) {
            take(partial.toString(), firstPartNanos);
            partial.setLength(0);
        }
        socket.request(1);
        return null;
    }

    private void take(String text, long arrivalNanos) {
        // only the server's own messages name a "type"; a notification is decoded off the socket's thread
        if (!text.contains("\"type\"")) {
            out.writeLater(() -> frameOf(text, arrivalNanos));
            return;
        }
        try {
            JsonNode message = JSON.readTree(text);
            String type = message.path("type").asText("");
            if (type.equals("ready")) {
                onReady.run();
            } else if (type.isEmpty()) {
                out.write(frameOf(message, arrivalNanos));
            } else {
                out.write(new FleetLine.Lost(userId, 0, "unexpected frame " + text));
            }
        } catch (IOException e) {
            out.write(notJson(text));
        }
    }

    private FleetLine frameOf(String text, long arrivalNanos) {
        try {
            return frameOf(JSON.readTree(text), arrivalNanos);
        } catch (IOException e) {
            return notJson(text);
        }
    }

    private static FleetLine.Frame frameOf(JsonNode frame, long arrivalNanos) {
        return new FleetLine.Frame(arrivalNanos, frame.path("userId").asText(), frame.path("version").asLong(), frame.path("status").asText());
    }

    private FleetLine.Lost notJson(String text) {
        return new FleetLine.Lost(userId, 0, "not JSON: " + text);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        out.write(new FleetLine.Lost(userId, statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        out.write(new FleetLine.Lost(userId, 1006, String.valueOf(error)));
    }
}
