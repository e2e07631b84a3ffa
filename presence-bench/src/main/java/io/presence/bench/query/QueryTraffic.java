package io.presence.bench.query;

import io.presence.bench.measure.PacedLoad;
import java.util.SplittableRandom;

/** The queries of the scenario: each asks for random distinct users, at each instance in turn, as each caller in turn. */
final class QueryTraffic {

    private final QueryInstances instances;
    private final StatusQueryClient client;
    private final QueryUsers users;
    private final SplittableRandom random;

    /** @param random drawn from on the pacing thread only */
    QueryTraffic(QueryInstances instances, StatusQueryClient client, QueryUsers users, SplittableRandom random) {
        this.instances = instances;
        this.client = client;
        this.users = users;
        this.random = random;
    }

    /** Queries of {@code size} ids each, ready to be paced. */
    PacedLoad of(int size) {
        return new PacedLoad((k, due) -> client.ask(instances.forQuery(k).httpPort(), users.randomDistinct(size, random), k));
    }
}
