package io.presence.bench.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * A stretch of load: {@code rounds} rounds from change {@code firstChange} on, each round one change
 * of every user, in user order, {@code perTick} events per tick. Event {@code i} of the phase is
 * user {@code i % users}'s change {@code firstChange + i / users}, sent in tick {@code i / perTick} —
 * so a frame's (user, version) names its tick, and so its send time, without a table.
 */
record Phase(ChangePlan plan, long firstChange, int rounds, int perTick) {

    /** User {@code user}'s change number {@code change}. */
    record Change(int user, long change) {
    }

    Phase {
        if (rounds < 1 || perTick < 1) {
            throw new IllegalArgumentException("rounds and perTick must be positive: " + rounds + ", " + perTick);
        }
    }

    long events() {
        return (long) rounds * plan.users();
    }

    long ticks() {
        return (events() + perTick - 1) / perTick;
    }

    /** The change after this phase's last: where the next phase starts. */
    long nextChange() {
        return firstChange + rounds;
    }

    /** The changes sent in tick {@code tick}. */
    List<Change> changesOf(long tick) {
        long from = tick * perTick;
        long to = Math.min(events(), from + perTick);
        List<Change> changes = new ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) {
            changes.add(new Change((int) (i % plan.users()), firstChange + i / plan.users()));
        }
        return changes;
    }

    /** The index in this phase of {@code user}'s change to {@code version}, or -1 if that change is not in it. */
    long indexOf(int user, long version) {
        long round = ChangePlan.change(version) - firstChange;
        return user < 0 || round < 0 || round >= rounds ? -1 : round * plan.users() + user;
    }

    long tickOf(long index) {
        return index / perTick;
    }
}
