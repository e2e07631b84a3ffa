package io.presence.streams.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.streams.session.PresenceParts;
import io.presence.streams.session.SessionEvent;
import io.presence.streams.session.StatusFold;
import io.presence.streams.session.UserPresence;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The user's state across its two stores, down to the bytes each holds — including a
 * {@code user-status} value the previous release wrote (format 1, the whole state) with nothing
 * yet in {@code user-liveness}, as a restarted instance finds it.
 */
class UserPresenceStoreTest {

    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private KeyValueStore<Bytes, byte[]> recordBytes;
    private KeyValueStore<Bytes, byte[]> livenessBytes;
    private UserPresenceStore presences;

    @BeforeEach
    void open() {
        recordBytes = Stores.inMemoryKeyValueStore(UserStatusStore.NAME).get();
        livenessBytes = Stores.inMemoryKeyValueStore(UserLivenessStore.NAME).get();
        presences = new UserPresenceStore(typed(recordBytes, new UserStatusStoreSerde()),
                typed(livenessBytes, new UserLivenessSerde()));
    }

    @Test
    void aUserNeverStoredIsNull() {
        assertThat(presences.get("bob")).isNull();
        assertThat(presences.parts("bob")).isNull();
        assertThat(presences.liveness("bob")).isNull();
    }

    @Test
    void aStateIsWrittenInItsTwoPartsAndReadBackWhole() {
        UserPresence alice = FormatOneValues.alice();

        presences.put("alice", null, alice);

        assertThat(presences.get("alice")).isEqualTo(alice);
        assertThat(presences.liveness("alice")).isEqualTo(PresenceParts.split(alice).liveness());
        assertThat(recordBytes.get(key("alice"))[0]).isEqualTo(UserStatusStoreSerde.FORMAT_VERSION);
    }

    @Test
    void aRefreshRewritesTheLivenessAlone() {
        UserPresence alice = FormatOneValues.alice();
        presences.put("alice", null, alice);
        byte[] record = recordBytes.get(key("alice"));
        PresenceParts before = presences.parts("alice");

        UserPresence refreshed = fold(alice, new SessionEvent.Heartbeat("e8", 5_000, "gw", "alice", "phone", "c1"));
        presences.put("alice", before, refreshed);

        assertThat(recordBytes.get(key("alice"))).isSameAs(record);
        assertThat(presences.get("alice")).isEqualTo(refreshed);
    }

    @Test
    void aFormatOneValueIsTheWholeStateUntilItsLivenessHasAStoreOfItsOwn() {
        recordBytes.put(key("alice"), FormatOneValues.ALICE);

        assertThat(presences.get("alice")).isEqualTo(FormatOneValues.alice());
        assertThat(presences.liveness("alice")).as("so the heartbeat shortcut gives way to the full fold").isNull();
    }

    @Test
    void aFormatOneValueKeepsCountingUntilARefreshGivesTheLivenessItsStore() {
        recordBytes.put(key("alice"), FormatOneValues.ALICE);
        UserPresence refreshed = fold(FormatOneValues.alice(), new SessionEvent.Heartbeat("e8", 5_000, "gw", "alice", "phone", "c1"));

        presences.put("alice", presences.parts("alice"), refreshed);

        assertThat(recordBytes.get(key("alice"))).as("the record did not change").isEqualTo(FormatOneValues.ALICE);
        assertThat(presences.get("alice")).isEqualTo(refreshed);
        assertThat(presences.liveness("alice")).isEqualTo(PresenceParts.split(refreshed).liveness());
    }

    @Test
    void aFormatOneValueRewrittenWithoutItsLivenessPutsTheLivenessInItsStore() {
        recordBytes.put(key("alice"), FormatOneValues.ALICE);
        // a custom status changes the record alone: the liveness it carried must not be lost with format 1
        UserPresence changed = fold(FormatOneValues.alice(), new SessionEvent.SetCustomStatus("e8", 5_000, "ingest", "alice", "busy"));

        presences.put("alice", presences.parts("alice"), changed);

        assertThat(recordBytes.get(key("alice"))[0]).isEqualTo(UserStatusStoreSerde.FORMAT_VERSION);
        assertThat(presences.liveness("alice")).isEqualTo(PresenceParts.split(FormatOneValues.alice()).liveness());
        assertThat(presences.get("alice")).isEqualTo(changed);
    }

    private static UserPresence fold(UserPresence state, SessionEvent event) {
        return StatusFold.evolve(state, event).state();
    }

    private static Bytes key(String userId) {
        return Bytes.wrap(userId.getBytes(StandardCharsets.UTF_8));
    }

    /** The typed store the topology's builder would make, over a byte store the test can read and write. */
    private <V> KeyValueStore<String, V> typed(KeyValueStore<Bytes, byte[]> bytes, Serde<V> serde) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return bytes.name();
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return bytes;
            }

            @Override
            public String metricsScope() {
                return "in-memory";
            }
        }, Serdes.String(), serde).withLoggingDisabled().withCachingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
