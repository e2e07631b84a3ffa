package io.presence.notifier.delivery;

import java.time.Duration;

/**
 * How pushing one notification ended.
 *
 * @param failure what the last attempt met (e.g. {@code "HTTP 503"}, {@code "timeout"}); set for {@link Kind#FAILED}
 * @param retryAfter how long the receiver asked us to wait before trying again ({@code Retry-After}), or null
 */
public record PushResult(Kind kind, String failure, Duration retryAfter) {

    public enum Kind {
        /** The webhook answered 2xx. */
        DELIVERED,
        /** The webhook did not take it (non-2xx, no answer); final once the retry budget is spent. */
        FAILED,
        /** A newer version of the same (recipient, user) was delivered first; this one is obsolete. */
        SUPERSEDED,
        /** The recipient opened a socket meanwhile; the notification went there instead. */
        HANDED_TO_LIVE,
        /** Its partition left this instance; the new owner delivers it. */
        ABANDONED
    }

    public static final PushResult DELIVERED = new PushResult(Kind.DELIVERED, null, null);
    public static final PushResult SUPERSEDED = new PushResult(Kind.SUPERSEDED, null, null);
    public static final PushResult HANDED_TO_LIVE = new PushResult(Kind.HANDED_TO_LIVE, null, null);
    public static final PushResult ABANDONED = new PushResult(Kind.ABANDONED, null, null);

    public static PushResult failed(String failure) {
        return failed(failure, null);
    }

    public static PushResult failed(String failure, Duration retryAfter) {
        return new PushResult(Kind.FAILED, failure, retryAfter);
    }

    public boolean isRetriable() {
        return kind == Kind.FAILED;
    }
}
