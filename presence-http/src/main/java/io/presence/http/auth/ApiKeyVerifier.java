package io.presence.http.auth;

import io.presence.http.ApiException;
import io.presence.http.IdRules;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Checks a gateway's {@code X-Api-Key} against the configured keys in constant time: keys are
 * compared as SHA-256 digests (so the time does not depend on the key's length either) with
 * {@link MessageDigest#isEqual}, and every configured key is compared on every call.
 *
 * <p>A key may be given a name, {@code name:key}, which says which gateway (fleet) a call came from:
 * ingest writes it as its events' {@code source} (SPEC §2: "gateway or service id") and tags its
 * metrics with it. A name follows the user-id rule; an entry whose text before its first {@code :} is
 * not one is a key without a name (so a key that itself holds a {@code :} must be given a name).
 */
public final class ApiKeyVerifier {

    /** The name of a call made with a key that has none. */
    public static final String UNNAMED = "";

    private record GatewayKey(String name, byte[] digest) {
    }

    private final List<GatewayKey> keys;

    public ApiKeyVerifier(Collection<String> entries) {
        this.keys = entries.stream().filter(entry -> !entry.isBlank()).map(ApiKeyVerifier::parse).toList();
    }

    /** From a comma-separated list, as {@code presence.gateway.api-keys} is given in the environment. */
    public static ApiKeyVerifier fromCommaSeparated(String keys) {
        return new ApiKeyVerifier(Arrays.stream(keys.split(",")).map(String::trim).toList());
    }

    /** True when no key is configured: then every call is refused. */
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The name of the gateway whose key {@code presentedKey} is ({@link #UNNAMED} for a key without one); otherwise 40101. */
    public String verify(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            throw ApiException.unauthenticated("missing X-Api-Key header");
        }
        byte[] presented = sha256(presentedKey);
        String matched = null;
        for (GatewayKey key : keys) {
            if (MessageDigest.isEqual(key.digest(), presented)) {
                matched = key.name();
            }
        }
        if (matched == null) {
            throw ApiException.unauthenticated("X-Api-Key is not a valid gateway key");
        }
        return matched;
    }

    private static GatewayKey parse(String entry) {
        int colon = entry.indexOf(':');
        String name = colon > 0 ? entry.substring(0, colon) : UNNAMED;
        return IdRules.isValidId(name) && colon < entry.length() - 1
                ? new GatewayKey(name, sha256(entry.substring(colon + 1)))
                : new GatewayKey(UNNAMED, sha256(entry));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
