package io.presence.streams.avro;

import io.presence.avro.StatusChange;
import io.presence.avro.UserStatus;
import io.presence.streams.session.DeviceSession;
import io.presence.streams.session.StatusTransition;
import io.presence.streams.session.UserPresence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fold's {@link UserPresence} as the public {@code UserStatus} of {@code presence.status}, and a
 * {@link StatusTransition} as a {@code StatusChange}. The de-duplication memory is internal and
 * never published.
 */
public final class UserStatusMapper {

    private UserStatusMapper() {
    }

    public static UserStatus toUserStatus(UserPresence presence) {
        List<io.presence.avro.DeviceSession> devices = new ArrayList<>(presence.devices().size());
        for (DeviceSession device : presence.devices()) {
            devices.add(toAvro(device));
        }
        return new UserStatus(presence.userId(), AvroEnums.toAvro(presence.status()), presence.customStatus(),
                presence.version(), Instant.ofEpochMilli(presence.lastChangedAt()),
                presence.lastSeenAt() == null ? null : Instant.ofEpochMilli(presence.lastSeenAt()), devices);
    }

    /**
     * SPEC §2: a {@code previous} of version 0 is the user never seen, published as null.
     *
     * @param current the transition's current record, already mapped for {@code presence.status}
     */
    public static StatusChange toStatusChange(StatusTransition transition, UserStatus current) {
        UserPresence previous = transition.previous();
        return new StatusChange(current.getUserId(),
                previous.version() == 0 ? null : toUserStatus(previous),
                current,
                transition.cause().eventId(),
                PresenceEventMapper.typeOf(transition.cause()),
                Instant.ofEpochMilli(transition.at()));
    }

    private static io.presence.avro.DeviceSession toAvro(DeviceSession device) {
        return new io.presence.avro.DeviceSession(device.deviceId(), AvroEnums.toAvro(device.platform()),
                AvroEnums.toAvro(device.state()), device.connectionId(), Instant.ofEpochMilli(device.since()),
                Instant.ofEpochMilli(device.lastHeartbeatAt()));
    }
}
