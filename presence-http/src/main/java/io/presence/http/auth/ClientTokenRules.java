package io.presence.http.auth;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.Optional;

/**
 * What a client token must be to be accepted (SPEC §9): signed HS256 with {@code presence.auth.secret};
 * and, where the login service that issues tokens sets them, issued by {@code presence.auth.issuer} and
 * meant for {@code presence.auth.audience} — so a token minted for another service that shares the
 * secret is not a presence token. Empty means "not checked" (SPEC asks only for the signature, {@code sub}
 * and {@code exp}).
 *
 * <p>{@code presence.auth.previous-secret}, while set, is a second key a token may be signed with: the
 * secret can then be rotated without refusing every token the login service signed before it switched.
 */
public record ClientTokenRules(String secret, String issuer, String audience, String previousSecret) {

    static final String SECRET_KEY = "presence.auth.secret";

    public ClientTokenRules {
        if (secret == null || secret.isEmpty()) {
            throw new ConfigException.BadValue(SECRET_KEY,
                    "it is empty; set PRESENCE_AUTH_SECRET to the HS256 secret that signs client tokens");
        }
    }

    /** Only the signature (and SPEC's {@code sub} and {@code exp}). */
    public static ClientTokenRules signedWith(String secret) {
        return new ClientTokenRules(secret, "", "", "");
    }

    public static ClientTokenRules fromConfig(Config config) {
        return new ClientTokenRules(config.getString(SECRET_KEY), config.getString("presence.auth.issuer").strip(),
                config.getString("presence.auth.audience").strip(), config.getString("presence.auth.previous-secret"));
    }

    /** The same rules for tokens signed with the previous secret; empty when none is set. */
    Optional<ClientTokenRules> withPreviousSecret() {
        return previousSecret.isEmpty() || previousSecret.equals(secret)
                ? Optional.empty()
                : Optional.of(new ClientTokenRules(previousSecret, issuer, audience, ""));
    }
}
