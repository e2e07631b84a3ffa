package io.presence.notifier.membership;

import java.util.Optional;

/**
 * How an instance tells the others its URL: in its consumer's {@code client.id}, which the group
 * coordinator reports for every member together with its assignment (Admin describeConsumerGroups).
 * So the partition → URL map comes from the group itself: no extra topic, and always the members
 * that really hold the partitions.
 */
public final class MemberAddress {

    private static final String PREFIX = "presence-notifier@";

    private MemberAddress() {
    }

    public static String clientIdFor(String advertisedUrl) {
        return PREFIX + advertisedUrl;
    }

    /** The URL a member advertised, or empty for a client that is not a notifier. */
    public static Optional<String> urlOf(String clientId) {
        if (clientId == null || !clientId.startsWith(PREFIX) || clientId.length() == PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(clientId.substring(PREFIX.length()));
    }
}
