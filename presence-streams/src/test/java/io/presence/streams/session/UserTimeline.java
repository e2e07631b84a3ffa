package io.presence.streams.session;

import io.presence.streams.session.SessionEvent.Disconnect;
import io.presence.streams.session.SessionEvent.Heartbeat;
import io.presence.streams.session.SessionEvent.HeartbeatExpired;
import io.presence.streams.session.SessionEvent.Login;
import io.presence.streams.session.SessionEvent.Logout;
import io.presence.streams.session.SessionEvent.SessionExpired;
import io.presence.streams.session.SessionEvent.SetCustomStatus;

/**
 * One user's events folded one at a time, for Given/When/Then tests: {@link #given} builds the
 * past, {@link #when} returns the result under test. Event ids are e1, e2, … in creation order.
 */
final class UserTimeline {

    static final String USER = "alice";

    private int nextId = 1;
    private UserPresence state = UserPresence.unknown(USER);

    UserPresence state() {
        return state;
    }

    UserTimeline given(SessionEvent... events) {
        for (SessionEvent event : events) {
            when(event);
        }
        return this;
    }

    FoldResult when(SessionEvent event) {
        FoldResult result = StatusFold.evolve(state, event);
        state = result.state();
        return result;
    }

    Login login(long at, String device, String connection) {
        return login(at, device, connection, Platform.IOS);
    }

    Login login(long at, String device, String connection, Platform platform) {
        return new Login(nextId(), at, "gw-1", USER, device, connection, platform);
    }

    Heartbeat heartbeat(long at, String device, String connection) {
        return new Heartbeat(nextId(), at, "gw-1", USER, device, connection);
    }

    Disconnect disconnect(long at, String device, String connection) {
        return new Disconnect(nextId(), at, "gw-1", USER, device, connection);
    }

    Logout logout(long at, String device) {
        return new Logout(nextId(), at, "gw-1", USER, device);
    }

    SetCustomStatus setCustomStatus(long at, String text) {
        return new SetCustomStatus(nextId(), at, "ingest-1", USER, text);
    }

    HeartbeatExpired heartbeatExpired(long at, String device, String connection, Long lastHeartbeatAt) {
        return new HeartbeatExpired(nextId(), at, "detector", USER, device, connection, lastHeartbeatAt);
    }

    SessionExpired sessionExpired(long at, String device, String connection, Long lastHeartbeatAt) {
        return new SessionExpired(nextId(), at, "detector", USER, device, connection, lastHeartbeatAt);
    }

    private String nextId() {
        return "e" + nextId++;
    }
}
