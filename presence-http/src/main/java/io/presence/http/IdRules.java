package io.presence.http;

import java.util.regex.Pattern;

/** The SPEC §1 rule for user and device ids: 1–64 characters of {@code [A-Za-z0-9_.@-]}. */
public final class IdRules {

    public static final int MAX_ID_LENGTH = 64;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.@-]{1," + MAX_ID_LENGTH + "}");

    private IdRules() {
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
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
