package io.presence.notifier;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WebSocket upgrade written by hand on a plain socket: to read the body of a refused upgrade (the
 * JDK client hides it), and to play a client that upgrades and then never reads a byte.
 */
final class RawWebSocketClient implements AutoCloseable {

    private final Socket socket;
    private final String answer;

    private RawWebSocketClient(Socket socket, String answer) {
        this.socket = socket;
        this.answer = answer;
    }

    /** Sends the upgrade request and reads the answer's head (and body, if it has one). */
    static RawWebSocketClient upgrade(int port, String pathAndQuery, String authorization, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        // set before connecting, so the TCP window is small from the start and the server's writes back up soon
        socket.setReceiveBufferSize(receiveBuffer);
        socket.connect(new java.net.InetSocketAddress("localhost", port), 5000);
        socket.setSoTimeout(5000);
        String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return new RawWebSocketClient(socket, readAnswer(socket.getInputStream()));
    }

    int status() {
        return Integer.parseInt(answer.substring(9, 12));
    }

    /** A header of the answer, by name (any case); null if absent. */
    String header(String name) {
        Matcher header = Pattern.compile("(?im)^" + Pattern.quote(name) + ": *([^\\r\\n]*)").matcher(answer.substring(0, answer.indexOf("\r\n\r\n")));
        return header.find() ? header.group(1).strip() : null;
    }

    String body() {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }

    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return head + new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
