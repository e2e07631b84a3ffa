package io.presence.streams.query;

import io.presence.http.ApiException;
import io.presence.http.IdRules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** R-QRY-1 and R-QRY-2: the ids of one GetUserStatus call. */
final class StatusQueryIds {

    private StatusQueryIds() {
    }

    /** R-QRY-2: a call that names the caller and no one else. */
    static boolean onlyCaller(List<String> userIds, String callerId) {
        return userIds != null && !userIds.isEmpty() && userIds.stream().allMatch(callerId::equals);
    }

    /**
     * At least one and at most {@code maxIds} ids, each valid and none twice: a repeated id would
     * only repeat an answer, so it is taken for a client bug rather than served.
     */
    static List<String> requireValid(List<String> userIds, int maxIds) {
        if (userIds == null) {
            throw ApiException.invalidParameter("field 'userIds' is required");
        }
        if (userIds.isEmpty()) {
            throw ApiException.invalidParameter("field 'userIds' must name at least one user");
        }
        if (userIds.size() > maxIds) {
            throw ApiException.invalidParameter("at most " + maxIds + " userIds per call, got " + userIds.size());
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < userIds.size(); i++) {
            String id = IdRules.requireValidId("userIds[" + i + "]", userIds.get(i));
            Integer earlier = firstIndex.putIfAbsent(id, i);
            if (earlier != null) {
                throw ApiException.invalidParameter("field 'userIds[" + i + "]' repeats userIds[" + earlier + "]");
            }
        }
        return List.copyOf(userIds);
    }
}
