package io.presence.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.notifier.PromQlSelectors.Selector;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromQlSelectorsTest {

    @Test
    void aBareNameIsAMetric() {
        assertThat(PromQlSelectors.in("up == 0")).containsExactly(new Selector("up", Optional.empty()));
    }

    @Test
    void theJobOfASelectorIsKeptAndOtherMatchersAndStringsAreNoNames() {
        assertThat(PromQlSelectors.in("sum by (topic) (kafka_consumer_records_lag{job=\"streams\", topic!~\"presence_.*\"}) > 10000"))
                .containsExactly(new Selector("kafka_consumer_records_lag", Optional.of("streams")));
    }

    @Test
    void functionsLabelListsRangesDurationsAndGrafanaVariablesAreNoMetrics() {
        assertThat(PromQlSelectors.in("histogram_quantile(0.99, sum by (le, channel) "
                + "(rate(lag_seconds_bucket{job=\"notifier\"}[$__rate_interval]))) > 1e3"))
                .containsExactly(new Selector("lag_seconds_bucket", Optional.of("notifier")));
        assertThat(PromQlSelectors.in("max_over_time(a[10m:1m]) offset 5m"))
                .containsExactly(new Selector("a", Optional.empty()));
    }

    @Test
    void bothSidesOfABinaryOperationAreRead() {
        assertThat(PromQlSelectors.in("sum without (status) (rate(failures[5m])) / on (instance) group_left sum(rate(attempts[5m])) "
                + "and deriv(depth{job=~\"a|b\"}[10m]) > 0"))
                .extracting(Selector::metric).containsExactly("failures", "attempts", "depth");
    }

    @Test
    void anAggregationGroupedAfterItsArgumentKeepsItsLabelsOut() {
        assertThat(PromQlSelectors.in("sum(rate(folded_total{outcome=\"APPLIED_CHANGE\"}[1m])) by (type, outcome)"))
                .containsExactly(new Selector("folded_total", Optional.empty()));
    }
}
