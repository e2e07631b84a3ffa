package io.presence.testkit;

/** The two ports of a combined node; 0 means "pick a free one". */
record NodePorts(int broker, int controller) {

    static final NodePorts ANY = new NodePorts(0, 0);

    NodePorts resolved() {
        return new NodePorts(broker == 0 ? FreePort.find() : broker, controller == 0 ? FreePort.find() : controller);
    }
}
