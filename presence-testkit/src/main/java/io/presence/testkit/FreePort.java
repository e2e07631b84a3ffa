package io.presence.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** A TCP port on the loopback interface that nothing listens on right now. */
public final class FreePort {

    private FreePort() {
    }

    /**
     * The port is released before it is returned, so another process could take it before the broker binds;
     * KRaft needs the controller port before start-up (it is part of the voter set), so binding to port 0 is not an option.
     */
    public static int find() {
        return find(1)[0];
    }

    /**
     * {@code count} different free ports: all are held open until every one is chosen, since the system
     * may hand a just-released port out again to the next ask (seen: a broker and its SASL listener on one port).
     */
    public static int[] find(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                socket.setReuseAddress(true);
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // nothing listens on it either way
                }
            }
        }
    }
}
