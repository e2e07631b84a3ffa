package io.presence.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.presence.avro.PresenceEvent;
import io.presence.avro.StatusChange;
import io.presence.avro.UserStatus;
import io.presence.schemas.registry.InMemorySchemaRegistry;
import io.presence.schemas.topics.TopicLayout;
import io.presence.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroWireSerdeTest {

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final Topics topics = new Topics(new TopicLayout(6, 6, 1, (short) 1), registry);

    @Test
    void everyPublicRecordRoundTripsThroughItsTopic() {
        assertRoundTrip(topics.events().name(), topics.events().valueSerde(), PublicRecords.login());
        assertRoundTrip(topics.subscriptions().name(), topics.subscriptions().valueSerde(), PublicRecords.subscribe());
        assertRoundTrip(topics.friendships().name(), topics.friendships().valueSerde(), PublicRecords.friendship());
        assertRoundTrip(topics.status().name(), topics.status().valueSerde(), PublicRecords.status());
        assertRoundTrip(topics.statusChanges().name(), topics.statusChanges().valueSerde(), PublicRecords.statusChange());
        assertRoundTrip(topics.notifications().name(), topics.notifications().valueSerde(), PublicRecords.notification());
    }

    @Test
    void bytesAreConfluentWireFormat() {
        byte[] bytes = topics.events().valueSerde().serializer().serialize(TopicLayout.EVENTS, PublicRecords.login());

        assertThat(bytes[0]).isEqualTo((byte) 0);
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(registry.schemaById(id).getFullName()).isEqualTo("io.presence.avro.PresenceEvent");
    }

    @Test
    void registryIsAskedOncePerTopicAndSchemaIdNotPerRecord() {
        var serde = topics.events().valueSerde();
        for (int i = 0; i < 1_000; i++) {
            byte[] bytes = serde.serializer().serialize(TopicLayout.EVENTS, PublicRecords.login());
            serde.deserializer().deserialize(TopicLayout.EVENTS, bytes);
        }
        assertThat(registry.registerCalls()).isEqualTo(1);
        // the first decode of the id looks it up; the registry client below also caches
        assertThat(registry.lookupCalls()).isEqualTo(1);
    }

    @Test
    void recordWrittenWithANewerCompatibleSchemaStillDecodes() throws Exception {
        // an outside producer evolved PresenceEvent by adding a field with a default (BACKWARD compatible)
        Schema ours = io.presence.schemas.registry.PublicSchemas.of(PresenceEvent.class);
        Schema newer = withExtraField(ours);
        int id = registry.register("presence.events-value", newer);
        GenericRecord record = new GenericData.Record(newer);
        PresenceEvent login = PublicRecords.login();
        for (Schema.Field f : ours.getFields()) {
            Object value = login.get(f.name());
            record.put(f.name(), toGeneric(f.name(), value, newer));
        }
        record.put("region", "eu-west");

        PresenceEvent decoded = topics.events().valueSerde().deserializer()
                .deserialize(TopicLayout.EVENTS, wire(id, newer, record));

        assertThat(decoded).isEqualTo(login);
    }

    @Test
    void garbageIsASerializationExceptionNamingTheProblem() {
        var deserializer = topics.events().valueSerde().deserializer();
        assertThatThrownBy(() -> deserializer.deserialize("presence.events", new byte[] {1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("shorter than the 5-byte");
        assertThatThrownBy(() -> deserializer.deserialize("presence.events", "hello world".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte");
        assertThatThrownBy(() -> deserializer.deserialize("presence.events", new byte[] {0, 0, 0, 0, 99, 1, 2, 3}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("schema id 99");
        byte[] valid = topics.events().valueSerde().serializer().serialize(TopicLayout.EVENTS, PublicRecords.login());
        byte[] truncated = java.util.Arrays.copyOf(valid, valid.length / 2);
        assertThatThrownBy(() -> deserializer.deserialize("presence.events", truncated))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void decodedArraysArePlainListsAtEveryDepthSoRecordsHoldingInstantsCompare() {
        StatusChange change = StatusChange.newBuilder(PublicRecords.statusChange()).setPrevious(PublicRecords.status()).build();
        byte[] bytes = topics.statusChanges().valueSerde().serializer().serialize(TopicLayout.STATUS_CHANGES, change);

        StatusChange decoded = topics.statusChanges().valueSerde().deserializer().deserialize(TopicLayout.STATUS_CHANGES, bytes);

        assertThat(decoded.getCurrent().getDevices()).isInstanceOf(java.util.ArrayList.class).isNotEmpty();
        assertThat(decoded.getPrevious().getDevices()).isInstanceOf(java.util.ArrayList.class);
        assertThat(decoded).isEqualTo(change);
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(topics.status().valueSerde().serializer().serialize(TopicLayout.STATUS, null)).isNull();
        UserStatus none = topics.status().valueSerde().deserializer().deserialize(TopicLayout.STATUS, null);
        assertThat(none).isNull();
    }

    private static <T extends SpecificRecord> void assertRoundTrip(String topic, org.apache.kafka.common.serialization.Serde<T> serde, T record) {
        byte[] bytes = serde.serializer().serialize(topic, record);
        assertThat(serde.deserializer().deserialize(topic, bytes)).isEqualTo(record);
    }

    private static Schema withExtraField(Schema base) {
        List<Schema.Field> fields = base.getFields().stream()
                .map(f -> new Schema.Field(f.name(), f.schema(), f.doc(), f.defaultVal()))
                .collect(java.util.stream.Collectors.toList());
        fields.add(new Schema.Field("region", SchemaBuilder.builder().stringType(), "added later", "unknown"));
        return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
    }

    private static Object toGeneric(String field, Object value, Schema schema) {
        if (value instanceof java.time.Instant t) {
            return t.toEpochMilli();
        }
        if (value instanceof Enum<?> e) {
            Schema s = schema.getField(field).schema();
            Schema enumSchema = s.getType() == Schema.Type.UNION ? s.getTypes().get(1) : s;
            return new GenericData.EnumSymbol(enumSchema, e.name());
        }
        return value;
    }

    private static byte[] wire(int id, Schema schema, GenericRecord record) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
