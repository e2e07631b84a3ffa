package io.presence.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.Map;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.junit.jupiter.api.Test;

class BrokerRequestTimesTest {

    /** The two attributes of the broker's request-time histograms that the reading uses. */
    public interface HistogramView {
        long getCount();

        double getMean();
    }

    private static final class Histogram implements HistogramView {
        private volatile long count;
        private volatile double mean;

        Histogram(long count, double mean) {
            set(count, mean);
        }

        void set(long count, double mean) {
            this.count = count;
            this.mean = mean;
        }

        @Override
        public long getCount() {
            return count;
        }

        @Override
        public double getMean() {
            return mean;
        }
    }

    @Test
    void timesEachCommitRequestBetweenTwoReadingsFromTheBrokersBeans() throws Exception {
        ObjectName name = new ObjectName("kafka.network:type=RequestMetrics,name=TotalTimeMs,request=WriteTxnMarkers");
        Histogram markers = new Histogram(10, 2.0);
        ManagementFactory.getPlatformMBeanServer().registerMBean(new StandardMBean(markers, HistogramView.class), name);
        try {
            BrokerRequestTimes before = BrokerRequestTimes.now();
            markers.set(14, 2.5); // 35 ms in all after 20: four more requests, 15 ms

            BrokerRequestTimes between = BrokerRequestTimes.now().since(before);

            assertThat(between.byRequest().get("WriteTxnMarkers").count()).isEqualTo(4);
            assertThat(between.byRequest().get("WriteTxnMarkers").millis()).isCloseTo(15.0, within(1e-9));
            assertThat(between.describe()).isEqualTo("WriteTxnMarkers 3.75 ms (4)");
        } finally {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        }
    }

    @Test
    void saysNothingWhenNoBrokerRunsInThisJvm() {
        BrokerRequestTimes before = BrokerRequestTimes.now();

        assertThat(before.byRequest()).isEmpty();
        assertThat(BrokerRequestTimes.now().since(before).describe()).isEmpty();
    }

    @Test
    void leavesOutRequestTypesThatDidNotCome() {
        BrokerRequestTimes earlier = new BrokerRequestTimes(Map.of(
                "Produce", new BrokerRequestTimes.Total(100, 50.0), "EndTxn", new BrokerRequestTimes.Total(5, 1.0)));
        BrokerRequestTimes later = new BrokerRequestTimes(Map.of(
                "Produce", new BrokerRequestTimes.Total(300, 150.0), "EndTxn", new BrokerRequestTimes.Total(5, 1.0)));

        assertThat(later.since(earlier).describe()).isEqualTo("Produce 0.50 ms (200)");
    }
}
