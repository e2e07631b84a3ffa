package io.presence.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The ports of a combined node; 0 means "pick a free one".
 *
 * @param sasl the SASL/PLAIN listener's port, 0 for a free one, or {@link #NONE} for no such listener
 */
record NodePorts(int broker, int controller, int sasl) {

    static final int NONE = -1;
    static final NodePorts ANY = new NodePorts(0, 0, NONE);

    /** Every node's ports with the free ones picked, all different (picked together, not one after another). */
    static List<NodePorts> resolved(List<NodePorts> requested) {
        int[] free = FreePort.find(3 * requested.size());
        List<NodePorts> resolved = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            NodePorts node = requested.get(i);
            resolved.add(new NodePorts(node.broker == 0 ? free[3 * i] : node.broker,
                    node.controller == 0 ? free[3 * i + 1] : node.controller, node.sasl == 0 ? free[3 * i + 2] : node.sasl));
        }
        return resolved;
    }
}
