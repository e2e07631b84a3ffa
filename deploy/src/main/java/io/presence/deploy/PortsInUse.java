package io.presence.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds which of the ports the local run needs are already taken, before anything starts. */
final class PortsInUse {

    private PortsInUse() {
    }

    /** Returns "port (what)" for each taken port, in the order given. */
    static List<String> among(Map<Integer, String> wanted) {
        List<String> taken = new ArrayList<>();
        new LinkedHashMap<>(wanted).forEach((port, what) -> {
            if (!isFree(port)) {
                taken.add(port + " (" + what + ")");
            }
        });
        return taken;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
