package io.presence.streams.query.routing;

import io.presence.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key instances present to each other on the internal lookup ({@value #HEADER}). A client
 * token is no use there: the endpoint accepts only this key, which clients never see.
 *
 * <p>Unless configured, it is derived from {@code presence.auth.secret} (HMAC-SHA256 of a fixed
 * label), which every instance already shares: no extra secret to distribute, and neither the
 * secret nor a token can be recovered from it.
 *
 * <p>A configured value may list several keys, comma-separated: the first is the one sent, every one
 * is accepted. That is what rotating it without refused lookups takes, in three rolls: {@code old,new}
 * (everyone still sends old, starts accepting new), {@code new,old} (everyone sends new), {@code new}.
 */
public final class InternalKey {

    public static final String HEADER = "X-Presence-Internal-Key";

    private static final String DERIVATION_LABEL = "presence-streams internal lookup key v1";

    private final String value;
    private final List<byte[]> accepted;

    private InternalKey(List<String> keys) {
        if (keys.isEmpty() || keys.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("the internal key must not be empty");
        }
        this.value = keys.get(0);
        this.accepted = keys.stream().map(InternalKey::sha256).toList();
    }

    /** {@code configured} (one key, or several: the first sent, all accepted) if set; otherwise derived from the shared auth secret. */
    public static InternalKey configuredOrDerived(String configured, String authSecret) {
        return new InternalKey(configured.isEmpty()
                ? List.of(derive(authSecret))
                : Arrays.stream(configured.split(",")).map(String::strip).toList());
    }

    /** What an instance sends in {@value #HEADER}. */
    public String value() {
        return value;
    }

    /** Returns normally for the right key; otherwise 40101. Compared as digests in constant time. */
    public void verify(String presented) {
        if (presented == null || presented.isEmpty()) {
            throw ApiException.unauthenticated("missing " + HEADER + " header; this endpoint is for presence-streams instances");
        }
        byte[] digest = sha256(presented);
        // every key is compared, so the time taken does not tell which one was near
        boolean known = false;
        for (byte[] key : accepted) {
            known |= MessageDigest.isEqual(key, digest);
        }
        if (!known) {
            throw ApiException.unauthenticated(HEADER + " is not this application's internal key");
        }
    }

    @Override
    public String toString() {
        return "InternalKey[hidden]";
    }

    private static String derive(String authSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(authSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] key = mac.doFinal(DERIVATION_LABEL.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
