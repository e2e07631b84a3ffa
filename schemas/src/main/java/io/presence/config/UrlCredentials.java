package io.presence.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Credentials given in a configured URL ({@code https://user:password@host/…}, as Confluent's
 * {@code basic.auth.credentials.source=URL} takes them): sent as HTTP basic auth, and kept out of the URL
 * the service calls and prints.
 *
 * @param url           the URL without its credentials
 * @param authorization the {@code Authorization} header value, or empty when the URL had none
 */
public record UrlCredentials(URI url, String authorization) {

    public static UrlCredentials of(URI configured) {
        String userInfo = configured.getUserInfo();
        if (userInfo == null) {
            return new UrlCredentials(configured, "");
        }
        try {
            URI bare = new URI(configured.getScheme(), null, configured.getHost(), configured.getPort(),
                    configured.getPath(), configured.getQuery(), configured.getFragment());
            return new UrlCredentials(bare, "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("URL of " + configured.getHost() + " cannot be rebuilt without its credentials", e);
        }
    }

    /** Never the credentials: the record's text is what a message about it shows. */
    @Override
    public String toString() {
        return url.toString();
    }
}
