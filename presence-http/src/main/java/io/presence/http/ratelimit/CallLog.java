package io.presence.http.ratelimit;

/**
 * The times of one caller's last {@code n} admitted calls, in a ring. A call is admitted when fewer
 * than {@code n} calls fall inside the window ending now, which is exactly when the oldest of the
 * last {@code n} is at least one window old. Refused calls are not recorded.
 */
final class CallLog {

    private final long[] admittedAt;
    private int oldest;
    private int size;

    CallLog(int capacity) {
        this.admittedAt = new long[capacity];
    }

    /** Records the call and returns 0 if admitted; otherwise the nanoseconds until it would be. */
    synchronized long admit(long nowNanos, long windowNanos) {
        if (size < admittedAt.length) {
            admittedAt[(oldest + size) % admittedAt.length] = nowNanos;
            size++;
            return 0;
        }
        long waited = nowNanos - admittedAt[oldest];
        if (waited < windowNanos) {
            return windowNanos - waited;
        }
        admittedAt[oldest] = nowNanos;
        oldest = (oldest + 1) % admittedAt.length;
        return 0;
    }
}
