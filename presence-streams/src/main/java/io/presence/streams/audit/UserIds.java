package io.presence.streams.audit;

import io.presence.http.IdRules;

/** Options that name a user: checked before any connection, since a typo would only list nothing. */
final class UserIds {

    private UserIds() {
    }

    /** No record can be keyed by a string that is not a user id (SPEC §1): refusing it beats an empty answer. */
    static void require(String option, String value) {
        if (!IdRules.isValidId(value)) {
            throw new AuditException(option + " '" + value + "' is not a user id: 1-" + IdRules.MAX_ID_LENGTH
                    + " characters of [A-Za-z0-9_.@-]", ExitCodes.USAGE);
        }
    }
}
