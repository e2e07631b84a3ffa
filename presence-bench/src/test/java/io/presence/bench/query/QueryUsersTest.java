package io.presence.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.presence.bench.workload.GeneratedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QueryUsersTest {

    private final QueryUsers users = new QueryUsers("q-x-", 1_000);

    @Test
    void aQueryAsksForDistinctUsersOfThePopulation() {
        List<String> ids = users.randomDistinct(500, new SplittableRandom(1));

        assertThat(ids).hasSize(500).doesNotHaveDuplicates().allMatch(id -> id.startsWith("q-x-"))
                .allMatch(id -> Integer.parseInt(id.substring(4)) < 1_000);
    }

    @Test
    void theSameSeedAsksTheSameQueries() {
        assertThat(users.randomDistinct(10, new SplittableRandom(7))).isEqualTo(users.randomDistinct(10, new SplittableRandom(7)));
    }

    @Test
    void everyUserAskedForIsOneThatLogsIn() {
        List<String> loggedIn = new ArrayList<>();
        users.logins(0).generate(login -> loggedIn.add(login.userId()));

        assertThat(loggedIn).hasSize(1_000).contains(users.id(0), users.id(999));
        assertThat(loggedIn).containsAll(users.randomDistinct(1_000, new SplittableRandom(3)));
    }

    @Test
    void cannotAskForMoreDistinctUsersThanThereAre() {
        assertThatThrownBy(() -> users.randomDistinct(1_001, new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
