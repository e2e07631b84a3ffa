package io.presence.bench.e2e;

import io.presence.avro.EventType;
import io.presence.avro.Platform;
import io.presence.bench.workload.GeneratedEvent;

/**
 * What every user of the run sends, change by change, so that each gateway event is a visible change
 * and its SELF notification can be told apart by version alone. Each user has one device. Change 0
 * is its LOGIN on connection {@code c0} (version 1, ONLINE); after that the device flaps as a
 * phone on a bad network does: odd changes are a DISCONNECT of the current connection (OFFLINE),
 * even ones a HEARTBEAT on a new connection, which reconnects it (R-SES-2, ONLINE). Change {@code c}
 * is version {@code c + 1}, because versions start at 1 and every change adds one (SPEC §1).
 */
record ChangePlan(String prefix, int users) {

    static final String DEVICE = "phone";

    ChangePlan {
        if (users < 1) {
            throw new IllegalArgumentException("at least one user, was " + users);
        }
    }

    String userId(int user) {
        return prefix + user;
    }

    /** The index of one of this plan's users, or -1 for any other id. */
    int userIndex(String userId) {
        if (!userId.startsWith(prefix)) {
            return -1;
        }
        try {
            int user = Integer.parseInt(userId, prefix.length(), userId.length(), 10);
            return user >= 0 && user < users ? user : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The gateway event of {@code user}'s change number {@code change}, stamped {@code timestamp} (epoch ms). */
    GeneratedEvent event(int user, long change, long timestamp) {
        String userId = userId(user);
        if (change == 0) {
            return new GeneratedEvent(EventType.LOGIN, userId, DEVICE, "c0", Platform.IOS, null, timestamp);
        }
        return change % 2 == 1
                ? new GeneratedEvent(EventType.DISCONNECT, userId, DEVICE, "c" + (change - 1), null, null, timestamp)
                : new GeneratedEvent(EventType.HEARTBEAT, userId, DEVICE, "c" + change, null, null, timestamp);
    }

    static long version(long change) {
        return change + 1;
    }

    static long change(long version) {
        return version - 1;
    }

    /** The general status the user has after change {@code change}. */
    static String statusAfter(long change) {
        return change % 2 == 0 ? "ONLINE" : "OFFLINE";
    }
}
