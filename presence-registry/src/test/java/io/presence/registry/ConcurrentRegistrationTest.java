package io.presence.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConcurrentRegistrationTest extends RegistryServerTest {

    private static final int CLIENTS = 16;

    @Test
    void concurrentRegistrationsGetDistinctIdsAndVersions() throws Exception {
        List<Integer> ids = concurrently(i -> registered("users-value", schemaWithField("f" + i)));

        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id >= 1 && id <= CLIENTS);
        assertThat(client.get("/subjects/users-value/versions").body()).hasSize(CLIENTS);
    }

    @Test
    void theSameSchemaRegisteredConcurrentlyIsOneIdAndOneVersion() throws Exception {
        List<Integer> ids = concurrently(i -> registered("users-value", schemaWithField("same")));

        assertThat(ids).containsOnly(1);
        assertThat(client.get("/subjects/users-value/versions").raw()).isEqualTo("[1]");
    }

    private List<Integer> concurrently(IntFunction<Integer> registration) throws Exception {
        client.put("/config", "{\"compatibility\":\"NONE\"}");
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<Integer>> calls = IntStream.range(0, CLIENTS)
                    .<Callable<Integer>>mapToObj(i -> () -> registration.apply(i)).toList();
            List<Integer> ids = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String schemaWithField(String field) {
        return "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"" + field + "\",\"type\":\"string\"}]}";
    }
}
