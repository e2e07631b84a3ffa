package io.presence.notifier.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Presence-Signature} header of SPEC §9: {@code t=<unix ms>,v1=<hex HMAC-SHA256 of "<t>.<body>">}.
 * The time is signed with the body so a receiver can refuse replays of an old, validly signed request.
 */
public final class WebhookSigner {

    public static final String HEADER = "X-Presence-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public WebhookSigner(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String signature(long unixMillis, String body) {
        return "t=" + unixMillis + ",v1=" + HexFormat.of().formatHex(hmac(unixMillis + "." + body));
    }

    private byte[] hmac(String signed) {
        try {
            // a Mac is not thread-safe and cheap to create; pushes run on many threads
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM + " and takes any non-empty key", e);
        }
    }
}
