package io.presence.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VersionLedgerTest {

    private final VersionLedger ledger = new VersionLedger(1000);

    @Test
    void R_NOT_2_aVersionNotAboveTheLastDeliveredForThePairIsStale() {
        ledger.delivered(notification("bob", "alice", 5));

        assertThat(ledger.isStale(notification("bob", "alice", 4))).isTrue();
        assertThat(ledger.isStale(notification("bob", "alice", 5))).isTrue();
        assertThat(ledger.isStale(notification("bob", "alice", 6))).isFalse();
    }

    @Test
    void pairsAreIndependent() {
        ledger.delivered(notification("bob", "alice", 5));

        assertThat(ledger.isStale(notification("carol", "alice", 1))).isFalse();
        assertThat(ledger.isStale(notification("bob", "dave", 1))).isFalse();
        // "bob alice" must not be mistaken for "bo balice"
        assertThat(ledger.isStale(notification("bo", "balice", 1))).isFalse();
    }

    @Test
    void aDeliveryThatCompletesLateNeverLowersTheLastVersion() {
        ledger.delivered(notification("bob", "alice", 7));
        ledger.delivered(notification("bob", "alice", 6));

        assertThat(ledger.isStale(notification("bob", "alice", 7))).isTrue();
    }

    @Test
    void anUnknownPairIsNeverStale() {
        assertThat(ledger.isStale(notification("bob", "alice", 1))).isFalse();
    }

    static Notification notification(String recipient, String user, long version) {
        return new Notification(recipient + ":" + user + ":" + version, recipient, user, version, Instant.EPOCH, "{}",
                new SourceRecord("presence.notifications", 0, version, 0, null, null, null));
    }
}
