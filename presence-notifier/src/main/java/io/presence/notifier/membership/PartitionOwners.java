package io.presence.notifier.membership;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which instance's URL serves each partition of {@code presence.notifications}, read from the consumer
 * group every refresh interval and right after each rebalance this instance sees. Used to tell a
 * socket that landed on the wrong instance where to go. Between a rebalance and the next refresh the
 * map can be stale; the instance named then checks its own assignment and redirects again or asks the
 * client to retry, so a stale map costs a hop, never a wrong delivery.
 *
 * <p>Each refresh is also a round trip to the group coordinator, so its outcome tells {@code /health}
 * whether Kafka is reachable.
 */
public final class PartitionOwners implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartitionOwners.class);

    private final Admin admin;
    private final String groupId;
    private final String topic;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    private volatile Map<Integer, String> urlByPartition = Map.of();
    private volatile String problem = "the consumer group has not been read yet";

    public PartitionOwners(Admin admin, String groupId, String topic, Duration interval, ScheduledExecutorService scheduler) {
        this.admin = admin;
        this.groupId = groupId;
        this.topic = topic;
        this.interval = interval;
        this.scheduler = scheduler;
    }

    public PartitionOwners start() {
        scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Re-reads the group soon, off the caller's thread (called from rebalance callbacks). */
    public void refreshSoon() {
        scheduler.execute(this::refresh);
    }

    /** The URL of the instance that held the partition at the last refresh. */
    public Optional<String> ownerOf(int partition) {
        return Optional.ofNullable(urlByPartition.get(partition));
    }

    /** Empty while the group could be read at the last refresh. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private void refresh() {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId),
                            new DescribeConsumerGroupsOptions().timeoutMs((int) interval.toMillis()))
                    .describedGroups().get(groupId).get(interval.toMillis(), TimeUnit.MILLISECONDS);
            urlByPartition = ownersIn(group);
            if (problem != null) {
                log.info("consumer group {} readable: {} partitions have an owner", groupId, urlByPartition.size());
            }
            problem = null;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // caught broadly: an exception escaping a scheduled task would silently end all later refreshes
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            String found = "Kafka not reachable (describing group " + groupId + "): " + cause;
            if (problem == null) {
                log.warn("not ready: {}", found);
            }
            problem = found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<Integer, String> ownersIn(ConsumerGroupDescription group) {
        Map<Integer, String> owners = new HashMap<>();
        for (MemberDescription member : group.members()) {
            Optional<String> url = MemberAddress.urlOf(member.clientId());
            if (url.isEmpty()) {
                continue;
            }
            for (TopicPartition partition : member.assignment().topicPartitions()) {
                if (partition.topic().equals(topic)) {
                    owners.put(partition.partition(), url.get());
                }
            }
        }
        return Map.copyOf(owners);
    }

    @Override
    public void close() {
        admin.close(interval);
    }
}
