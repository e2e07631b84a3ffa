package io.presence.notifier.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.GeneralStatus;
import io.presence.avro.NotificationReason;
import io.presence.avro.StatusNotification;
import io.presence.notifier.delivery.DeadLetterReason;
import io.presence.notifier.delivery.Notification;
import io.presence.schemas.registry.InMemorySchemaRegistry;
import io.presence.schemas.registry.SchemaRegistryException;
import io.presence.schemas.serde.AvroWireSerde;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class NotificationDecoderTest {

    private static final String TOPIC = "presence.notifications";
    private static final Instant CHANGED = Instant.parse("2026-11-26T10:00:00.123Z");

    private final AvroWireSerde<StatusNotification> serde = new AvroWireSerde<>(new InMemorySchemaRegistry(), StatusNotification.class);
    private final NotificationDecoder decoder = new NotificationDecoder(serde);

    @Test
    void R_NOT_4_aValidNotificationIsRenderedOnceWithItsIdAndTheUsersStatusWithoutDevices() {
        StatusNotification value = notification("bob", "alice", 4).setLastSeenAt(CHANGED.minusSeconds(5)).build();

        NotificationDecoder.Decoded decoded = decoder.decode(record("bob", serde.serialize(TOPIC, value), 12));

        assertThat(decoded).isInstanceOf(NotificationDecoder.Valid.class);
        Notification notification = ((NotificationDecoder.Valid) decoded).notification();
        assertThat(notification.json()).isEqualTo("{\"id\":\"n-1\",\"recipientId\":\"bob\",\"userId\":\"alice\","
                + "\"status\":\"OFFLINE\",\"customStatus\":\"on a train\",\"version\":4,\"lastChangedAt\":" + CHANGED.toEpochMilli()
                + ",\"lastSeenAt\":" + (CHANGED.toEpochMilli() - 5000) + ",\"reason\":\"FRIEND\"}");
        assertThat(notification.source().offset()).isEqualTo(12);
        assertThat(notification.version()).isEqualTo(4);
    }

    @Test
    void lastSeenAtIsNullUntilTheUserFirstLeftOnline() {
        NotificationDecoder.Decoded decoded = decoder.decode(record("bob", serde.serialize(TOPIC, notification("bob", "alice", 1).build()), 0));

        assertThat(((NotificationDecoder.Valid) decoded).notification().json()).contains("\"lastSeenAt\":null");
    }

    @Test
    void bytesThatAreNotTheWireFormatAreUndecodable() {
        NotificationDecoder.Decoded decoded = decoder.decode(record("bob", "garbage".getBytes(StandardCharsets.UTF_8), 0));

        assertThat(decoded).isInstanceOfSatisfying(NotificationDecoder.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(DeadLetterReason.UNDECODABLE);
            assertThat(refused.exception()).endsWith("SerializationException");
        });
    }

    @Test
    void aRecordNotDecodedOnlyBecauseTheRegistryCannotAnswerIsUnavailableNotRefused() {
        byte[] value = serde.serialize(TOPIC, notification("bob", "alice", 1).build());
        NotificationDecoder registryDown = new NotificationDecoder(failingWith(new SchemaRegistryException(0,
                SchemaRegistryException.UNREACHABLE, "schema registry not reachable", new ConnectException("refused"))));
        NotificationDecoder unknownSchema = new NotificationDecoder(failingWith(
                new SchemaRegistryException(404, 40403, "Schema 99 not found", null)));

        assertThat(registryDown.decode(record("bob", value, 0))).isInstanceOf(NotificationDecoder.Unavailable.class);
        assertThat(unknownSchema.decode(record("bob", value, 0))).isInstanceOfSatisfying(NotificationDecoder.Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(DeadLetterReason.UNDECODABLE));
    }

    @Test
    void aKeyOtherThanTheRecipientANullValueABadIdOrAVersionBelowOneIsInvalid() {
        assertInvalid(record("carol", serde.serialize(TOPIC, notification("bob", "alice", 1).build()), 0), "key");
        assertInvalid(record("bob", null, 0), "null");
        assertInvalid(record("bob", serde.serialize(TOPIC, notification("bob", "not valid!", 1).build()), 0), "userId");
        assertInvalid(record("bob", serde.serialize(TOPIC, notification("bob", "alice", 0).build()), 0), "version");
        assertInvalid(record("bob", serde.serialize(TOPIC, notification("bob", "alice", 1).setId("").build()), 0), "id");
    }

    /** A deserializer as {@link AvroWireSerde} fails when asking the registry for a schema id fails. */
    private static Deserializer<StatusNotification> failingWith(SchemaRegistryException registryAnswer) {
        return (topic, data) -> {
            throw new SerializationException("cannot decode StatusNotification with schema id 99", registryAnswer);
        };
    }

    private void assertInvalid(ConsumerRecord<byte[], byte[]> record, String named) {
        assertThat(decoder.decode(record)).isInstanceOfSatisfying(NotificationDecoder.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(DeadLetterReason.INVALID);
            assertThat(refused.message()).contains(named);
        });
    }

    private static StatusNotification.Builder notification(String recipient, String user, long version) {
        return StatusNotification.newBuilder().setId("n-1").setRecipientId(recipient).setUserId(user)
                .setStatus(GeneralStatus.OFFLINE).setCustomStatus("on a train").setVersion(version)
                .setLastChangedAt(CHANGED).setLastSeenAt(null).setReason(NotificationReason.FRIEND);
    }

    private static ConsumerRecord<byte[], byte[]> record(String key, byte[] value, long offset) {
        return new ConsumerRecord<>(TOPIC, 3, offset, key.getBytes(StandardCharsets.UTF_8), value);
    }
}
