package io.presence.streams.query.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.presence.http.JsonInput;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.streams.state.HostInfo;

/** {@link PeerLookup} over the peers' internal HTTP endpoint, with the JDK's HTTP client (keep-alive, async). */
public final class HttpPeerLookup implements PeerLookup {

    // answers are read leniently: during a rolling upgrade a newer peer may add fields
    private static final ObjectMapper JSON = JsonInput.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int MAX_ERROR_BODY_CHARS = 200;

    private final HttpClient client;
    private final InternalKey key;
    private final Duration timeout;

    public HttpPeerLookup(InternalKey key, Duration timeout) {
        this.key = key;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public <V, A> CompletableFuture<Map<String, KeyResult<A>>> read(HostInfo peer, QueryableStore<V, A> store,
                                                                   Map<Integer, List<String>> keysByPartition, boolean staleAllowed) {
        List<String> asked = keysByPartition.values().stream().flatMap(List::stream).toList();
        // the request timeout makes the client drop a hung exchange; orTimeout also bounds reading the answer
        HttpRequest request = HttpRequest.newBuilder(uri(peer, store))
                .timeout(timeout)
                .header(InternalKey.HEADER, key.value())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(new PeerLookupRequest(keysByPartition, staleAllowed))))
                .build();
        JavaType answerType = JSON.getTypeFactory().constructParametricType(PeerLookupAnswer.class, store.answerType());
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(new PeerUnreachableException(peer, describe(failure), failure));
                    }
                    return this.<A>answer(peer, response, answerType).toResults(asked);
                });
    }

    private <A> PeerLookupAnswer<A> answer(HostInfo peer, HttpResponse<byte[]> response, JavaType answerType) {
        if (response.statusCode() != 200) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            throw new PeerUnreachableException(peer, "answered HTTP " + response.statusCode() + ": "
                    + body.substring(0, Math.min(body.length(), MAX_ERROR_BODY_CHARS)), null);
        }
        try {
            return JSON.readValue(response.body(), answerType);
        } catch (IOException e) {
            throw new PeerUnreachableException(peer, "sent an answer that is not a lookup answer", e);
        }
    }

    private static byte[] body(PeerLookupRequest request) {
        try {
            return JSON.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of partitions to key lists always serialises", e);
        }
    }

    private static URI uri(HostInfo peer, QueryableStore<?, ?> store) {
        String host = peer.host().contains(":") ? "[" + peer.host() + "]" : peer.host();
        return URI.create("http://" + host + ":" + peer.port() + PeerLookupEndpoint.path(store.name()));
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return "did not answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "refused or dropped the connection";
        }
        return "could not be asked: " + cause;
    }
}
