package io.presence.notifier.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeliveryShardsTest {

    @Test
    void R_NOT_2_oneRecipientsWorkRunsInTheOrderHandedIn() throws InterruptedException {
        DeliveryShards shards = new DeliveryShards(4);
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        int recipients = 50;
        int perRecipient = 200;
        CountDownLatch done = new CountDownLatch(recipients * perRecipient);
        for (int i = 0; i < perRecipient; i++) {
            for (int r = 0; r < recipients; r++) {
                String recipient = "user-" + r;
                int sequence = i;
                shards.execute(key(recipient), () -> {
                    seen.computeIfAbsent(recipient, k -> Collections.synchronizedList(new ArrayList<>())).add(sequence);
                    done.countDown();
                });
            }
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        shards.close(Duration.ofSeconds(1));
        assertThat(seen).hasSize(recipients);
        seen.values().forEach(sequence -> assertThat(sequence).isSorted().hasSize(perRecipient));
    }

    @Test
    void recipientsSpreadOverTheThreads() throws InterruptedException {
        DeliveryShards shards = new DeliveryShards(3);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(300);
        for (int r = 0; r < 300; r++) {
            shards.execute(key("user-" + r), () -> {
                threads.add(Thread.currentThread().getName());
                done.countDown();
            });
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        shards.close(Duration.ofSeconds(1));
        assertThat(threads).containsExactlyInAnyOrder(
                "presence-notifier-delivery-0", "presence-notifier-delivery-1", "presence-notifier-delivery-2");
    }

    @Test
    void aFailingTaskDoesNotStopItsThread() throws InterruptedException {
        DeliveryShards shards = new DeliveryShards(1);
        CountDownLatch after = new CountDownLatch(1);
        shards.execute(key("u1"), () -> {
            throw new IllegalStateException("boom");
        });
        shards.execute(key("u1"), after::countDown);
        assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
        shards.close(Duration.ofSeconds(1));
    }

    @Test
    void closeFinishesWhatWasHandedIn() {
        DeliveryShards shards = new DeliveryShards(2);
        Set<Integer> ran = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 1000; i++) {
            int n = i;
            shards.execute(key("user-" + i), () -> ran.add(n));
        }
        shards.close(Duration.ofSeconds(10));
        assertThat(ran).hasSize(1000);
    }

    @Test
    void aNullKeyHasAThreadToo() {
        assertThat(DeliveryShards.shardOf(null, 3)).isZero();
        Set<Integer> shards = new HashSet<>();
        for (int r = 0; r < 100; r++) {
            shards.add(DeliveryShards.shardOf(key("user-" + r), 3));
        }
        assertThat(shards).containsExactlyInAnyOrder(0, 1, 2);
    }

    private static byte[] key(String recipient) {
        return recipient.getBytes(StandardCharsets.UTF_8);
    }
}
