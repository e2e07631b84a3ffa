package io.presence.bench.query;

import io.presence.avro.Platform;
import io.presence.bench.workload.IdleConnections;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The scenario's users: {@code prefix + i} for i below {@code count}, each logged in once and
 * online for the whole run. The prefix makes them this run's own in a log that may hold others.
 */
record QueryUsers(String prefix, int count) {

    QueryUsers {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one user, got " + count);
        }
    }

    String id(int i) {
        return prefix + i;
    }

    /** One LOGIN each, on a platform whose timeout the scenario makes longer than the run. */
    IdleConnections logins(long at) {
        return new IdleConnections(prefix, count, Platform.IOS, at);
    }

    /** {@code size} distinct users drawn at random (all of them, shuffled, if {@code size} is the whole population). */
    List<String> randomDistinct(int size, SplittableRandom random) {
        if (size > count) {
            throw new IllegalArgumentException("cannot pick " + size + " distinct users of " + count);
        }
        Set<String> picked = new LinkedHashSet<>();
        while (picked.size() < size) {
            picked.add(id(random.nextInt(count)));
        }
        return new ArrayList<>(picked);
    }
}
