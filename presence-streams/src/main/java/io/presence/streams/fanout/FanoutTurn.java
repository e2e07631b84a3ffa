package io.presence.streams.fanout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One turn of work on the unfinished fan-outs of a task: up to a budget of notifications, shared
 * round-robin among the users with jobs pending — starting after the user served last, so one huge
 * fan-out cannot starve the others — and, within a user, job after job in version order. A user's
 * newer job only starts once its older one is done: that is what keeps every recipient's view of
 * the user in version order (R-NOT-2).
 */
final class FanoutTurn {

    /** The order of {@link FanoutJobs}' keys: by id length first (ids are ASCII: chars are bytes). */
    private static final Comparator<String> KEY_ORDER = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    private final FanoutJobs jobs;
    private final NotificationFanout fanout;
    private final int budget;
    private String servedLast;

    FanoutTurn(FanoutJobs jobs, NotificationFanout fanout, int budget) {
        this.jobs = jobs;
        this.fanout = fanout;
        this.budget = budget;
    }

    /** Returns the notifications sent. */
    int run() {
        int left = budget;
        for (FanoutJob head : inTurnOrder(jobs.oldestPerUser())) {
            if (left == 0) {
                break;
            }
            left -= workOff(head, left);
            servedLast = head.userId();
        }
        return budget - left;
    }

    /** Works one user's jobs in version order within {@code left}; returns the notifications sent. */
    private int workOff(FanoutJob oldest, int left) {
        int spent = 0;
        FanoutJob job = oldest;
        while (job != null && spent < left) {
            NotificationFanout.Progress progress = fanout.work(job, left - spent);
            spent += progress.sent();
            if (!progress.done()) {
                jobs.save(progress.job());
                return spent;
            }
            jobs.remove(job);
            job = jobs.oldestOf(job.userId()).orElse(null);
        }
        return spent;
    }

    /** The users after the one served last first, then the rest (the list is in key order). */
    private List<FanoutJob> inTurnOrder(List<FanoutJob> heads) {
        int start = 0;
        while (servedLast != null && start < heads.size() && KEY_ORDER.compare(heads.get(start).userId(), servedLast) <= 0) {
            start++;
        }
        List<FanoutJob> ordered = new ArrayList<>(heads.subList(start, heads.size()));
        ordered.addAll(heads.subList(0, start));
        return ordered;
    }
}
