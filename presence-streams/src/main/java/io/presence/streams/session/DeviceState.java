package io.presence.streams.session;

/** Whether a logged-in device currently holds a live connection. */
public enum DeviceState {
    CONNECTED, DISCONNECTED
}
