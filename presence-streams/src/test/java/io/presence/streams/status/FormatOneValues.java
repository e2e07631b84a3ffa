package io.presence.streams.status;

import io.presence.streams.session.Platform;
import io.presence.streams.session.SessionEvent;
import io.presence.streams.session.StatusFold;
import io.presence.streams.session.UserPresence;
import java.util.HexFormat;
import java.util.List;

/**
 * A user's state and the {@code user-status} value the release before the liveness store wrote for
 * it (format 1, the whole state), taken from that release's serde: a restarted instance still holds
 * such values, and must read them.
 */
final class FormatOneValues {

    /** {@link #alice()} in format 1. */
    static final byte[] ALICE = HexFormat.of().parseHex(
            "010a616c69636500244c697374656e696e6720746f206d757369630cf02e00040a70686f6e650000046331d00fc03e0c7461"
            + "626c65740202046332f02ed00f00060c6c6170746f70801902046534000a70686f6e65c03e02046537000c7461626c6574"
            + "f02e020465360000a01f0204653500");

    private FormatOneValues() {
    }

    /**
     * Every part of the format: a CONNECTED device (phone on c1, last heartbeat e7 at 4 000), a
     * DISCONNECTED one (tablet on c2), a tombstone (laptop, logged out) and a custom status.
     */
    static UserPresence alice() {
        UserPresence state = UserPresence.unknown("alice");
        List<SessionEvent> events = List.of(
                new SessionEvent.Login("e1", 1_000, "gw", "alice", "phone", "c1", Platform.IOS),
                new SessionEvent.Login("e2", 1_000, "gw", "alice", "tablet", "c2", Platform.ANDROID),
                new SessionEvent.Login("e3", 1_500, "gw", "alice", "laptop", "c3", Platform.MAC),
                new SessionEvent.Logout("e4", 1_600, "gw", "alice", "laptop"),
                new SessionEvent.SetCustomStatus("e5", 2_000, "ingest", "alice", "Listening to music"),
                new SessionEvent.Disconnect("e6", 3_000, "gw", "alice", "tablet", "c2"),
                new SessionEvent.Heartbeat("e7", 4_000, "gw", "alice", "phone", "c1"));
        for (SessionEvent event : events) {
            state = StatusFold.evolve(state, event).state();
        }
        return state;
    }
}
