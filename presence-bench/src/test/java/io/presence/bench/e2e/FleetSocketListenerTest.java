package io.presence.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FleetSocketListenerTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final FleetOutput out = new FleetOutput(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    private final AtomicInteger ready = new AtomicInteger();
    private final FleetSocketListener listener = new FleetSocketListener("u7", out, ready::incrementAndGet);
    private final WebSocket socket = new ReadingSocket();

    @Test
    void aNotificationInOneOrMorePartsBecomesOneFrameLine() throws InterruptedException {
        listener.onText(socket, "{\"id\":\"n1\",\"recipientId\":\"u7\",\"userId\":\"u7\",", false);
        listener.onText(socket, "\"status\":\"OFFLINE\",\"version\":42}", true);
        // a custom status may read "type": still a notification
        listener.onText(socket, "{\"id\":\"n2\",\"userId\":\"u8\",\"status\":\"ONLINE\",\"customStatus\":\"type\",\"version\":3}", true);

        assertThat(linesWritten()).extracting(line -> ((FleetLine.Frame) line).userId() + " v" + ((FleetLine.Frame) line).version()
                + " " + ((FleetLine.Frame) line).status()).containsExactly("u7 v42 OFFLINE", "u8 v3 ONLINE");
    }

    @Test
    void theServersReadyMessageIsTakenAtOnceAndOtherMessagesAreReported() throws InterruptedException {
        listener.onText(socket, "{\"type\":\"ready\",\"partition\":3}", true);
        listener.onText(socket, "{\"type\":\"redirect\",\"url\":\"ws://elsewhere\"}", true);
        listener.onText(socket, "not json", true);

        assertThat(ready).hasValue(1);
        assertThat(linesWritten()).extracting(line -> ((FleetLine.Lost) line).reason())
                .containsExactly("unexpected frame {\"type\":\"redirect\",\"url\":\"ws://elsewhere\"}", "not JSON: not json");
    }

    private List<FleetLine> linesWritten() throws InterruptedException {
        out.close();
        return Arrays.stream(stdout.toString(StandardCharsets.UTF_8).split("\n")).filter(line -> !line.isEmpty())
                .map(FleetLine::parse).toList();
    }

    /** The JDK's WebSocket as the listener uses it: it only asks for the next message. */
    private static final class ReadingSocket implements WebSocket {
        @Override
        public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void request(long n) {
        }

        @Override
        public String getSubprotocol() {
            return "";
        }

        @Override
        public boolean isOutputClosed() {
            return false;
        }

        @Override
        public boolean isInputClosed() {
            return false;
        }

        @Override
        public void abort() {
        }
    }
}
