package io.presence.testkit;

/**
 * The ports of a combined node; 0 means "pick a free one".
 *
 * @param sasl the SASL/PLAIN listener's port, 0 for a free one, or {@link #NONE} for no such listener
 */
record NodePorts(int broker, int controller, int sasl) {

    static final int NONE = -1;
    static final NodePorts ANY = new NodePorts(0, 0, NONE);

    NodePorts resolved() {
        return new NodePorts(free(broker), free(controller), free(sasl));
    }

    private static int free(int port) {
        return port == 0 ? FreePort.find() : port;
    }
}
