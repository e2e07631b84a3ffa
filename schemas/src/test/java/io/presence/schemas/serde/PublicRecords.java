package io.presence.schemas.serde;

import io.presence.avro.DeviceSession;
import io.presence.avro.DeviceState;
import io.presence.avro.EventType;
import io.presence.avro.FriendshipEvent;
import io.presence.avro.FriendshipEventType;
import io.presence.avro.GeneralStatus;
import io.presence.avro.NotificationReason;
import io.presence.avro.Platform;
import io.presence.avro.PresenceEvent;
import io.presence.avro.StatusChange;
import io.presence.avro.StatusNotification;
import io.presence.avro.SubscriptionCommand;
import io.presence.avro.SubscriptionCommandType;
import io.presence.avro.UserStatus;
import java.time.Instant;
import java.util.List;

/** One fully populated sample of each public record, nullable fields set, for round-trip tests. */
public final class PublicRecords {

    static final Instant T = Instant.ofEpochMilli(1_732_550_000_000L);

    private PublicRecords() {
    }

    public static PresenceEvent login() {
        return PresenceEvent.newBuilder().setEventId("8c6f6c0e-0000-4000-8000-000000000001").setTimestamp(T)
                .setSource("gw-1").setType(EventType.LOGIN).setUserId("u1").setDeviceId("d1")
                .setConnectionId("c1").setPlatform(Platform.IOS).setCustomStatus(null).setLastHeartbeatAt(null).build();
    }

    public static SubscriptionCommand subscribe() {
        return SubscriptionCommand.newBuilder().setEventId("e-2").setTimestamp(T).setSource("ingest-1")
                .setType(SubscriptionCommandType.SUBSCRIBE).setSubscriberId("u1").setTargetIds(List.of("u2", "u3")).build();
    }

    public static FriendshipEvent friendship() {
        return FriendshipEvent.newBuilder().setEventId("e-3").setTimestamp(T).setSource("friends")
                .setType(FriendshipEventType.ADDED).setUserId("u1").setFriendId("u2").build();
    }

    public static UserStatus status() {
        DeviceSession device = DeviceSession.newBuilder().setDeviceId("d1").setPlatform(Platform.WEB)
                .setState(DeviceState.CONNECTED).setConnectionId("c1").setSince(T).setLastHeartbeatAt(T.plusSeconds(30)).build();
        return UserStatus.newBuilder().setUserId("u1").setStatus(GeneralStatus.ONLINE).setCustomStatus("In a meeting ☕")
                .setVersion(3L).setLastChangedAt(T).setLastSeenAt(T.minusSeconds(60)).setDevices(List.of(device)).build();
    }

    public static StatusChange statusChange() {
        return StatusChange.newBuilder().setUserId("u1").setPrevious(null).setCurrent(status())
                .setCauseEventId("e-1").setCauseType(EventType.LOGIN).setAt(T).build();
    }

    public static StatusNotification notification() {
        return StatusNotification.newBuilder().setId("n-1").setRecipientId("u2").setUserId("u1")
                .setStatus(GeneralStatus.OFFLINE).setCustomStatus("").setVersion(4L).setLastChangedAt(T)
                .setLastSeenAt(T).setReason(NotificationReason.FRIEND).build();
    }
}
