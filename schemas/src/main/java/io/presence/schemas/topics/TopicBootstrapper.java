package io.presence.schemas.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates missing topics and checks existing ones. Idempotent: safe on every start-up of every
 * service, concurrently. A topic whose partition count differs from the layout is a start-up
 * error, because re-partitioning a user-keyed topic would move users between tasks.
 */
public final class TopicBootstrapper {

    private static final Logger log = LoggerFactory.getLogger(TopicBootstrapper.class);

    private final Admin admin;
    private final Duration timeout;

    public TopicBootstrapper(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** Ensures every topic exists with its partition count; returns the names it created. */
    public List<String> ensure(Collection<TopicSpec> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<String> created = createMissing(specs, existing);
            verifyPartitions(specs);
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicSetupException("interrupted while setting up topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new TopicSetupException("could not set up topics: " + rootMessage(e), e);
        }
    }

    private List<String> createMissing(Collection<TopicSpec> specs, Set<String> existing)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<NewTopic> missing = specs.stream()
                .filter(spec -> !existing.contains(spec.name()))
                .map(spec -> new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor()).configs(spec.configs()))
                .toList();
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> result : admin.createTopics(missing).values().entrySet()) {
            try {
                result.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created.add(result.getKey());
                log.info("created topic {}", result.getKey());
            } catch (ExecutionException e) {
                // another instance created it between our list and create: that is the idempotent case
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return created;
    }

    private void verifyPartitions(Collection<TopicSpec> specs)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> names = specs.stream().map(TopicSpec::name).collect(Collectors.toSet());
        Map<String, TopicDescription> described = describeOnceKnown(names);
        List<String> mismatches = new ArrayList<>();
        for (TopicSpec spec : specs) {
            int actual = described.get(spec.name()).partitions().size();
            if (actual != spec.partitions()) {
                mismatches.add(spec.name() + " has " + actual + " partitions, expected " + spec.partitions());
            }
        }
        if (!mismatches.isEmpty()) {
            throw new TopicSetupException("existing topics do not match the configured layout: "
                    + String.join("; ", mismatches)
                    + ". Set presence.topics.* to the existing counts (user-keyed topics can never be re-partitioned in place).",
                    null);
        }
    }

    // A topic just created is not in every broker's metadata yet; describing it too early fails
    // with UnknownTopicOrPartition, so wait (bounded) until it is.
    private Map<String, TopicDescription> describeOnceKnown(Set<String> names)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return admin.describeTopics(names).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
