package io.presence.streams.session;

import static java.util.Objects.requireNonNull;

/**
 * One event of a user's presence, as folded by {@link StatusFold}: the domain twin of the Avro
 * {@code PresenceEvent}, one record per event type, so each carries exactly the fields its rule
 * reads. Well-formedness (ids, lengths) is checked at the edge; the records only refuse nulls where
 * a field is required, so a bad mapping fails before it reaches the fold.
 */
public sealed interface SessionEvent {

    /** UUID chosen by the writer; the key of de-duplication (R-SES-7). */
    String eventId();

    /** Epoch milliseconds set by the writer; the fold's only notion of time. */
    long timestamp();

    /** Id of the gateway or service that wrote the event. */
    String source();

    String userId();

    /** An event about one device session; de-duplicated and ordered per device (R-SES-7). */
    sealed interface OfDevice extends SessionEvent {
        String deviceId();
    }

    /** R-SES-1: the device is logged in on {@code connectionId}. */
    record Login(String eventId, long timestamp, String source, String userId,
                 String deviceId, String connectionId, Platform platform) implements OfDevice {
        public Login {
            requireNonNull(eventId, "eventId");
            requireNonNull(source, "source");
            requireNonNull(userId, "userId");
            requireNonNull(deviceId, "deviceId");
            requireNonNull(connectionId, "connectionId");
            requireNonNull(platform, "platform");
        }
    }

    /** R-SES-2: the gateway holding {@code connectionId} saw the device alive. */
    record Heartbeat(String eventId, long timestamp, String source, String userId,
                     String deviceId, String connectionId) implements OfDevice {
        public Heartbeat {
            requireNonNull(eventId, "eventId");
            requireNonNull(source, "source");
            requireNonNull(userId, "userId");
            requireNonNull(deviceId, "deviceId");
            requireNonNull(connectionId, "connectionId");
        }
    }

    /** R-SES-3: the gateway saw the socket of {@code connectionId} close without a logout. */
    record Disconnect(String eventId, long timestamp, String source, String userId,
                      String deviceId, String connectionId) implements OfDevice {
        public Disconnect {
            requireNonNull(eventId, "eventId");
            requireNonNull(source, "source");
            requireNonNull(userId, "userId");
            requireNonNull(deviceId, "deviceId");
            requireNonNull(connectionId, "connectionId");
        }
    }

    /** R-SES-6: the user logged the device out, whatever connection it is on. */
    record Logout(String eventId, long timestamp, String source, String userId,
                  String deviceId) implements OfDevice {
        public Logout {
            requireNonNull(eventId, "eventId");
            requireNonNull(source, "source");
            requireNonNull(userId, "userId");
            requireNonNull(deviceId, "deviceId");
        }
    }

    /** R-CUS-1: the user's own custom status; empty clears it. */
    record SetCustomStatus(String eventId, long timestamp, String source, String userId,
                           String customStatus) implements SessionEvent {
        public SetCustomStatus {
            requireNonNull(eventId, "eventId");
            requireNonNull(source, "source");
            requireNonNull(userId, "userId");
            requireNonNull(customStatus, "customStatus");
        }
    }

    /**
     * R-SES-3/4: the detector's proposal to expire {@code connectionId}. It applies only while
     * that connection is current and its last heartbeat is still {@code lastHeartbeatAt}, so a
     * heartbeat that raced the proposal wins. A null {@code lastHeartbeatAt} (a writer that
     * follows SPEC §2 without the detector's guard) checks the connection alone, as R-SES-3 says.
     */
    record HeartbeatExpired(String eventId, long timestamp, String source, String userId,
                            String deviceId, String connectionId, Long lastHeartbeatAt)
            implements OfDevice {
        public HeartbeatExpired {
            requireNonNull(eventId, "eventId");
            requireNonNull(source, "source");
            requireNonNull(userId, "userId");
            requireNonNull(deviceId, "deviceId");
            requireNonNull(connectionId, "connectionId");
        }
    }

    /**
     * R-SES-5: the detector's proposal to remove a device that stayed DISCONNECTED past the
     * retention. It names the disconnection it saw by the dead connection and its last heartbeat
     * (the PresenceEvent fields {@code connectionId}, {@code lastHeartbeatAt}): a device that
     * reconnected and dropped again since then carries a newer pair and is kept. Either guard
     * may be null, and is then not checked.
     */
    record SessionExpired(String eventId, long timestamp, String source, String userId,
                          String deviceId, String connectionId, Long lastHeartbeatAt)
            implements OfDevice {
        public SessionExpired {
            requireNonNull(eventId, "eventId");
            requireNonNull(source, "source");
            requireNonNull(userId, "userId");
            requireNonNull(deviceId, "deviceId");
        }
    }
}
