package io.presence.ingest.status;

import io.presence.http.ApiException;
import java.nio.charset.StandardCharsets;

/** R-CUS-3: a custom status is at most 256 UTF-8 bytes of text without control characters. */
public final class CustomStatusRule {

    public static final int MAX_UTF8_BYTES = 256;

    private CustomStatusRule() {
    }

    /** Returns the text if acceptable; otherwise 40001. */
    public static String requireValid(String text) {
        if (text == null) {
            throw ApiException.invalidParameter("field 'customStatus' is required; use \"\" to clear it");
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.isISOControl(codePoint)) {
                throw ApiException.invalidParameter("field 'customStatus' must not contain control characters");
            }
            // JSON escapes can smuggle in half a surrogate pair, which has no UTF-8 encoding
            if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
                throw ApiException.invalidParameter("field 'customStatus' is not valid Unicode text");
            }
            i += Character.charCount(codePoint);
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_UTF8_BYTES) {
            throw ApiException.invalidParameter("field 'customStatus' is " + bytes + " UTF-8 bytes; at most "
                    + MAX_UTF8_BYTES + " allowed");
        }
        return text;
    }
}
