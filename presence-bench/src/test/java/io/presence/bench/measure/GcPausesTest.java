package io.presence.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GcPausesTest {

    @Test
    void countsTheCollectionsBetweenTwoReadings() {
        GcPauses before = GcPauses.now();

        System.gc();
        GcPauses between = GcPauses.now().since(before);

        assertThat(between.collections()).isGreaterThanOrEqualTo(1);
        assertThat(between.time()).isGreaterThanOrEqualTo(Duration.ZERO);
    }

    @Test
    void theDifferenceOfTwoReadingsIsPerComponent() {
        GcPauses earlier = new GcPauses(3, Duration.ofMillis(40));

        assertThat(new GcPauses(10, Duration.ofMillis(115)).since(earlier)).isEqualTo(new GcPauses(7, Duration.ofMillis(75)));
    }
}
