package io.presence.streams.storage;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * An id written as a UUID's 16 bytes instead of its 36 characters, for store formats where ids are
 * most of the value (eventIds are UUIDs by SPEC §2). Only the canonical text — what
 * {@link UUID#toString()} prints: lowercase hex, dashes after 8, 12, 16 and 20 digits — is taken,
 * so reading the bytes back gives the very string; any other id is stored as text.
 */
public final class CanonicalUuid {

    public static final int BYTES = 16;
    private static final int TEXT_LENGTH = 36;

    private CanonicalUuid() {
    }

    /** The 16 bytes of {@code id} if it is a canonical UUID; null otherwise. */
    public static byte[] bytesOf(String id) {
        if (id.length() != TEXT_LENGTH) {
            return null;
        }
        byte[] bytes = new byte[BYTES];
        int next = 0;
        int i = 0;
        while (i < TEXT_LENGTH) {
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (id.charAt(i) != '-') {
                    return null;
                }
                i++;
                continue;
            }
            // every group has an even number of digits, so a byte's two digits never straddle a dash
            int high = digit(id.charAt(i));
            int low = digit(id.charAt(i + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            bytes[next++] = (byte) (high << 4 | low);
            i += 2;
        }
        return bytes;
    }

    /** The canonical text of the UUID whose 16 bytes {@link #bytesOf} gave. */
    public static String textOf(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        // uppercase is not canonical: it would not come back as written
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
