package io.presence.streams.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.streams.session.GeneralStatus;
import org.junit.jupiter.api.Test;

class FanoutJobSerdeTest {

    private final FanoutJobSerde serde = new FanoutJobSerde();

    @Test
    void jobsRoundTripAtEveryStage() {
        StatusUpdate online = new StatusUpdate("alice", GeneralStatus.ONLINE, "Listening to music ♪", 7, 1_000, null);
        StatusUpdate offline = new StatusUpdate("alice", GeneralStatus.OFFLINE, "", 8, 2_000, 1_900L);

        for (FanoutJob job : new FanoutJob[] {FanoutJob.start(online), FanoutJob.start(offline).selfDone(),
                FanoutJob.start(offline).selfDone().toldUpTo("r42")}) {
            assertThat(serde.deserialize("t", serde.serialize("t", job))).isEqualTo(job);
        }
    }
}
