package io.presence.http;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;

/**
 * The web origins whose pages may call a service's client API from a browser
 * ({@code presence.http.cors.allowed-origins}): a web chat app calling {@code PUT /v1/me/status} or
 * {@code POST /v1/status:query} with its user's token is a cross-origin request, and without CORS the
 * browser refuses to send it. Empty (the default) answers no cross-origin request; {@code *} any.
 *
 * @param origins {@code scheme://host[:port]} each, or the single {@code *}
 */
public record CorsOrigins(List<String> origins) {

    public static final String KEY = "presence.http.cors.allowed-origins";
    static final String ANY = "*";

    public CorsOrigins {
        origins = List.copyOf(origins);
    }

    public static CorsOrigins none() {
        return new CorsOrigins(List.of());
    }

    public static CorsOrigins fromConfig(Config config) {
        List<String> origins = Arrays.stream(config.getString(KEY).split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList();
        for (String origin : origins) {
            if (!(origin.equals(ANY) && origins.size() == 1) && !isOrigin(origin)) {
                throw new ConfigException.BadValue(config.getValue(KEY).origin(), KEY, "'" + origin
                        + "' is not an origin; list scheme://host[:port] (e.g. https://chat.example.com), comma-separated, or * alone");
            }
        }
        return new CorsOrigins(origins);
    }

    boolean enabled() {
        return !origins.isEmpty();
    }

    boolean any() {
        return origins.equals(List.of(ANY));
    }

    private static boolean isOrigin(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
