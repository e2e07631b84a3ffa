package io.presence.http;

/** The SPEC §1 rule for user and device ids: 1–64 characters of {@code [A-Za-z0-9_.@-]}. */
public final class IdRules {

    public static final int MAX_ID_LENGTH = 64;

    private IdRules() {
    }

    /** A loop, not a regex: ingest and the streams' input check run this per event, several ids each. */
    public static boolean isValidId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!isIdChar(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '.' || c == '@' || c == '-';
    }

    /**
     * Returns {@code id} if valid; otherwise 40001 naming {@code field} (e.g. {@code userIds[3]}).
     * The value itself is not echoed: it may be long or hostile.
     */
    public static String requireValidId(String field, String id) {
        if (id == null) {
            throw ApiException.invalidParameter("field '" + field + "' is required");
        }
        if (!isValidId(id)) {
            throw ApiException.invalidParameter("field '" + field + "' must be 1-" + MAX_ID_LENGTH
                    + " characters of A-Z a-z 0-9 _ . @ -");
        }
        return id;
    }
}
