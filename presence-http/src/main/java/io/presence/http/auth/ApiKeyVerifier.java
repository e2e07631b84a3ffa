package io.presence.http.auth;

import io.presence.http.ApiException;
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
 */
public final class ApiKeyVerifier {

    private final List<byte[]> keyDigests;

    public ApiKeyVerifier(Collection<String> keys) {
        this.keyDigests = keys.stream().filter(k -> !k.isBlank()).map(ApiKeyVerifier::sha256).toList();
    }

    /** From a comma-separated list, as {@code presence.gateway.api-keys} is given in the environment. */
    public static ApiKeyVerifier fromCommaSeparated(String keys) {
        return new ApiKeyVerifier(Arrays.stream(keys.split(",")).map(String::trim).toList());
    }

    /** True when no key is configured: then every call is refused. */
    public boolean isEmpty() {
        return keyDigests.isEmpty();
    }

    /** Returns normally if {@code presentedKey} is one of the keys; otherwise 40101. */
    public void verify(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            throw ApiException.unauthenticated("missing X-Api-Key header");
        }
        byte[] presented = sha256(presentedKey);
        boolean matched = false;
        for (byte[] key : keyDigests) {
            matched |= MessageDigest.isEqual(key, presented);
        }
        if (!matched) {
            throw ApiException.unauthenticated("X-Api-Key is not a valid gateway key");
        }
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
