package io.presence.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.FriendshipEvent;
import io.presence.avro.PresenceEvent;
import io.presence.avro.StatusChange;
import io.presence.avro.StatusNotification;
import io.presence.avro.SubscriptionCommand;
import io.presence.avro.UserStatus;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class PublicSchemasTest {

    private static final List<Class<? extends SpecificRecord>> PUBLIC =
            List.of(PresenceEvent.class, SubscriptionCommand.class, FriendshipEvent.class,
                    UserStatus.class, StatusChange.class, StatusNotification.class);

    @Test
    void publicSchemasEncodeExactlyLikeTheGeneratedClasses() {
        for (Class<? extends SpecificRecord> type : PUBLIC) {
            Schema generated = SpecificData.get().getSchema(type);
            assertThat(PublicSchemas.sameEncoding(PublicSchemas.of(type), generated)).as(type.getSimpleName()).isTrue();
        }
    }

    @Test
    void publicSchemasCarryNoJavaOnlyProperties() {
        for (Class<? extends SpecificRecord> type : PUBLIC) {
            assertThat(PublicSchemas.of(type).toString()).as(type.getSimpleName()).doesNotContain("avro.java.string");
        }
    }

    @Test
    void everyAvroTopicOfTheSpecHasItsSchema() {
        assertThat(PublicSchemas.byTopic()).containsOnlyKeys(
                "presence.events", "presence.subscriptions", "presence.friendships",
                "presence.status", "presence.status-changes", "presence.notifications");
        assertThat(PublicSchemas.byTopic().get("presence.status-changes").getName()).isEqualTo("StatusChange");
    }

    @Test
    void fieldNamesAreTheSpecsPublicContract() {
        assertThat(fieldNames(PresenceEvent.class)).containsExactly("eventId", "timestamp", "source", "type", "userId",
                "deviceId", "connectionId", "platform", "customStatus", "lastHeartbeatAt");
        assertThat(fieldNames(SubscriptionCommand.class)).containsExactly("eventId", "timestamp", "source", "type",
                "subscriberId", "targetIds");
        assertThat(fieldNames(FriendshipEvent.class)).containsExactly("eventId", "timestamp", "source", "type",
                "userId", "friendId");
        assertThat(fieldNames(UserStatus.class)).containsExactly("userId", "status", "customStatus", "version",
                "lastChangedAt", "lastSeenAt", "devices");
        assertThat(fieldNames(StatusChange.class)).containsExactly("userId", "previous", "current", "causeEventId",
                "causeType", "at");
        assertThat(fieldNames(StatusNotification.class)).containsExactly("id", "recipientId", "userId", "status",
                "customStatus", "version", "lastChangedAt", "lastSeenAt", "reason");
        Schema device = PublicSchemas.of(UserStatus.class).getField("devices").schema().getElementType();
        assertThat(device.getFields().stream().map(Schema.Field::name))
                .containsExactly("deviceId", "platform", "state", "connectionId", "since", "lastHeartbeatAt");
    }

    @Test
    void timestampsAreTimestampMillis() {
        Schema event = PublicSchemas.of(PresenceEvent.class);
        assertThat(event.getField("timestamp").schema().getLogicalType().getName()).isEqualTo("timestamp-millis");
    }

    private static List<String> fieldNames(Class<? extends SpecificRecord> type) {
        return PublicSchemas.of(type).getFields().stream().map(Schema.Field::name).toList();
    }
}
