package io.presence.streams.topology;

import static io.presence.streams.topology.PresenceDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.FriendshipEvent;
import io.presence.avro.NotificationReason;
import io.presence.avro.SubscriptionCommand;
import io.presence.schemas.registry.SchemaRegistry;
import io.presence.schemas.topics.TopicLayout;
import io.presence.streams.dlq.DeadLetterCause;
import io.presence.schemas.topics.DeadLetterHeaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §10 for presence.subscriptions and presence.friendships: bad input to presence.dlq with its reason; processing goes on. */
class InputDeadLetterTopologyTest {

    @TempDir
    Path stateDir;

    private PresenceDriver presence;
    private VisibleChanges changes;
    private final PresenceCommands ingest = new PresenceCommands();

    @BeforeEach
    void start() {
        presence = new PresenceDriver(TopologySettings.defaults(), stateDir);
        changes = new VisibleChanges(presence, T0);
    }

    @AfterEach
    void stop() {
        presence.close();
    }

    @Test
    void aSubscriptionToOneselfIsDeadLetteredAndTheNextCommandApplies() {
        SubscriptionCommand bad = ingest.subscribe("sam", T0, "kim", "sam");
        presence.pipe(bad, ingest.subscribe("sam", T0 + 1, "kim"));

        TestRecord<byte[], byte[]> dead = presence.dlq.readRecord();
        assertThat(header(dead.headers(), DeadLetterHeaders.MESSAGE)).contains("targetIds[1]", "itself");
        assertThat(header(dead.headers(), DeadLetterHeaders.EXCEPTION)).isEqualTo("io.presence.streams.input.InvalidSubscriptionCommand");
        assertThat(header(dead.headers(), DeadLetterHeaders.TOPIC)).isEqualTo(TopicLayout.SUBSCRIPTIONS);
        assertThat(header(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo(DeadLetterCause.INVALID_SUBSCRIPTION.reason());
        assertThat(dead.key()).isEqualTo("sam".getBytes(StandardCharsets.UTF_8));
        assertThat(presence.topics.subscriptions().valueSerde().deserializer().deserialize(TopicLayout.SUBSCRIPTIONS, dead.value()))
                .as("the value decodes, with the source topic's schema, to the refused command").isEqualTo(bad);
        assertThat(presence.subscriptionsOf("sam")).containsExactly("kim");
        assertThat(presence.counter("presence.dlq.records", "stage", "validate", "reason", "invalid-subscription")).isEqualTo(1);
    }

    @Test
    void commandsWithBadIdsAKeyOfAnotherUserOrAContradictionAreDeadLettered() {
        presence.pipe(ingest.subscribe("sam", T0, "bad id"));
        presence.subscriptions.pipeInput("mallory", ingest.subscribe("sam", T0, "kim"));
        presence.pipe(ingest.subscribe("sam", T0));
        presence.pipe(ingest.command(io.presence.avro.SubscriptionCommandType.CLEAR, "sam", T0, List.of("kim")));

        assertThat(presence.dlq.readRecordsToList()).extracting(r -> header(r.headers(), DeadLetterHeaders.MESSAGE))
                .satisfiesExactly(
                        m -> assertThat(m).contains("targetIds[0]"),
                        m -> assertThat(m).contains("key"),
                        m -> assertThat(m).contains("at least one"),
                        m -> assertThat(m).contains("empty for CLEAR"));
        assertThat(presence.subscriptionsOf("sam")).isEmpty();
        assertThat(presence.subscriptionsOf("mallory")).isEmpty();
    }

    @Test
    void aCommandOfATypeThisBuildDoesNotKnowIsDeadLetteredAsUndecodable() throws IOException {
        // a skipped undecodable record commits nothing, so under exactly-once the driver drops its dead letter
        presence.close();
        presence = new PresenceDriver(TopologySettings.defaults(), stateDir, StreamsConfig.AT_LEAST_ONCE);
        byte[] merge = commandOfANewerType(presence.registry);
        presence.rawSubscriptions.pipeInput("sam".getBytes(StandardCharsets.UTF_8), merge);
        presence.pipe(ingest.subscribe("sam", T0, "kim"));

        TestRecord<byte[], byte[]> dead = presence.dlq.readRecord();
        assertThat(dead.value()).isEqualTo(merge);
        assertThat(header(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo(DeadLetterCause.UNDECODABLE.reason());
        assertThat(header(dead.headers(), DeadLetterHeaders.TOPIC)).isEqualTo(TopicLayout.SUBSCRIPTIONS);
        assertThat(presence.subscriptionsOf("sam")).containsExactly("kim");
    }

    @Test
    void aFriendshipWithOneselfIsDeadLetteredAndTheNextEventApplies() {
        FriendshipEvent bad = ingest.befriend("alice", "alice", T0);
        presence.pipe(bad, ingest.befriend("alice", "bob", T0));

        TestRecord<byte[], byte[]> dead = presence.dlq.readRecord();
        assertThat(header(dead.headers(), DeadLetterHeaders.MESSAGE)).contains("friendId", "itself");
        assertThat(header(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo(DeadLetterCause.INVALID_FRIENDSHIP.reason());
        assertThat(header(dead.headers(), DeadLetterHeaders.TOPIC)).isEqualTo(TopicLayout.FRIENDSHIPS);
        assertThat(presence.topics.friendships().valueSerde().deserializer().deserialize(TopicLayout.FRIENDSHIPS, dead.value()))
                .isEqualTo(bad);
        assertThat(changes.recipientsOfNextChange("alice", NotificationReason.FRIEND)).containsExactly("bob");
        assertThat(presence.counter("presence.dlq.records", "stage", "validate", "reason", "invalid-friendship")).isEqualTo(1);
    }

    @Test
    void aFriendshipKeyedByTheOtherSideIsDeadLettered() {
        presence.friendships.pipeInput("bob", ingest.befriend("alice", "bob", T0));

        assertThat(header(presence.dlq.readRecord().headers(), DeadLetterHeaders.MESSAGE)).contains("key");
        assertThat(changes.recipientsOfNextChange("alice", NotificationReason.FRIEND)).isEmpty();
    }

    /** A SUBSCRIBE-like command of type MERGE, written with a newer schema whose enum has that symbol. */
    private static byte[] commandOfANewerType(SchemaRegistry registry) throws IOException {
        Schema newer = new Schema.Parser().parse(SubscriptionCommand.getClassSchema().toString()
                .replace("\"CLEAR\"]", "\"CLEAR\",\"MERGE\"]"));
        int id = registry.register(SchemaRegistry.valueSubject(TopicLayout.SUBSCRIPTIONS), newer);
        GenericRecord merge = new GenericData.Record(newer);
        merge.put("eventId", "m1");
        merge.put("timestamp", T0);
        merge.put("source", "ingest-2");
        merge.put("type", new GenericData.EnumSymbol(newer.getField("type").schema(), "MERGE"));
        merge.put("subscriberId", "sam");
        merge.put("targetIds", List.of("kim"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(newer).write(merge, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
