package io.presence.ingest.subscription;

import io.presence.http.ApiException;
import io.presence.http.IdRules;
import java.util.List;

/** R-SUB-1 / R-SUB-3: the ids of one subscribe or unsubscribe call — at most N, each valid, never the caller. */
final class SubscriptionTargets {

    private SubscriptionTargets() {
    }

    static List<String> requireValid(List<String> userIds, String callerId, int maxIds) {
        if (userIds == null) {
            throw ApiException.invalidParameter("field 'userIds' is required");
        }
        if (userIds.size() > maxIds) {
            throw ApiException.invalidParameter("at most " + maxIds + " userIds per call, got " + userIds.size());
        }
        for (int i = 0; i < userIds.size(); i++) {
            String id = IdRules.requireValidId("userIds[" + i + "]", userIds.get(i));
            if (id.equals(callerId)) {
                throw ApiException.invalidParameter("field 'userIds[" + i + "]' is the caller; a user is never subscribed to itself");
            }
        }
        return List.copyOf(userIds);
    }
}
