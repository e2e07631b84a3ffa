package io.presence.streams.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.EventType;
import io.presence.avro.GeneralStatus;
import io.presence.avro.StatusChange;
import io.presence.avro.UserStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeComparisonTest {

    private final List<ChangeComparison.Mismatch> found = new ArrayList<>();
    private final ChangeComparison comparison = new ChangeComparison(found::add);

    @Test
    void R_AUD_2_theSameChangesInEitherReadOrderAreIdentical() {
        comparison.replayed(change("alice", 1, GeneralStatus.ONLINE));
        comparison.published(change("alice", 1, GeneralStatus.ONLINE));
        comparison.published(change("alice", 2, GeneralStatus.OFFLINE));
        comparison.replayed(change("alice", 2, GeneralStatus.OFFLINE));
        comparison.finish();

        assertThat(found).isEmpty();
        assertThat(comparison.identical()).isEqualTo(2);
    }

    @Test
    void R_AUD_2_aChangedRecordIsReportedWithBothSides() {
        comparison.replayed(change("alice", 1, GeneralStatus.ONLINE));
        comparison.published(change("alice", 1, GeneralStatus.OFFLINE));
        comparison.finish();

        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.userId()).isEqualTo("alice");
            assertThat(m.version()).isEqualTo(1);
            assertThat(m.replayed().getCurrent().getStatus()).isEqualTo(GeneralStatus.ONLINE);
            assertThat(m.published().getCurrent().getStatus()).isEqualTo(GeneralStatus.OFFLINE);
        });
    }

    @Test
    void R_AUD_2_aChangeOnlyOneSideHasIsReportedAtTheEnd() {
        comparison.replayed(change("alice", 1, GeneralStatus.ONLINE));
        comparison.published(change("bob", 1, GeneralStatus.ONLINE));
        comparison.finish();

        assertThat(found).extracting(ChangeComparison.Mismatch::problem)
                .containsExactly("missing from the published changes", "published but not produced by the replay");
        assertThat(comparison.mismatches()).isEqualTo(2);
    }

    @Test
    void R_AUD_2_aPublishedVersionOutOfOrderOrRepeatedIsAMismatch() {
        comparison.replayed(change("alice", 1, GeneralStatus.ONLINE));
        comparison.published(change("alice", 1, GeneralStatus.ONLINE));
        comparison.published(change("alice", 1, GeneralStatus.ONLINE));
        comparison.finish();

        assertThat(found).singleElement().extracting(ChangeComparison.Mismatch::problem).asString()
                .startsWith("published out of order");
    }

    private static StatusChange change(String user, long version, GeneralStatus status) {
        UserStatus current = new UserStatus(user, status, "", version, Instant.ofEpochMilli(version * 1000), null, List.of());
        return new StatusChange(user, null, current, "e" + version, EventType.LOGIN, Instant.ofEpochMilli(version * 1000));
    }
}
