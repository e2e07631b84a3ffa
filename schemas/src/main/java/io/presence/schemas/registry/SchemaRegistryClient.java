package io.presence.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.presence.config.UrlCredentials;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;

/**
 * HTTP client of the Confluent Schema Registry REST API (works against Confluent, Karapace,
 * Apicurio's ccompat API and our own registry). Ids and schemas are cached for the life of the
 * client: a registered (subject, schema) never changes id, and an id never changes schema.
 *
 * <p>A call the registry cannot answer is retried with backoff; once a call has failed so, the next
 * ones fail at once for {@link #PAUSE_AFTER_OUTAGE} (a circuit breaker), then one is let through to
 * try again. So while the registry is down, each record that needs it does not wait out the retries
 * on its own: what decodes records (a stream or delivery thread) is held up once, not once per record.
 */
public final class SchemaRegistryClient implements SchemaRegistry {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final Duration PAUSE_AFTER_OUTAGE = Duration.ofSeconds(1);

    private final URI baseUri;
    private final String authorization;
    private final HttpClient http;
    private final Retry retry;
    private final CircuitBreaker outage;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final AtomicLong requestsSent = new AtomicLong();

    public SchemaRegistryClient(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(10), 5);
    }

    /**
     * @param baseUrl the registry's URL; credentials in it ({@code https://key:secret@host}, Confluent's
     *                {@code basic.auth.credentials.source=URL}) are sent as HTTP basic auth and never
     *                appear in a message
     */
    public SchemaRegistryClient(String baseUrl, Duration requestTimeout, int maxAttempts) {
        UrlCredentials given = UrlCredentials.of(URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"));
        this.baseUri = given.url();
        this.authorization = given.authorization();
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
        this.retry = Retry.of("schema-registry", RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(5)))
                .retryOnException(t -> t instanceof SchemaRegistryException e && e.isUnavailable()
                        && !(e.getCause() instanceof InterruptedException))
                .build());
        this.outage = CircuitBreaker.of("schema-registry", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(1)
                .minimumNumberOfCalls(1)
                .failureRateThreshold(100)
                .waitDurationInOpenState(PAUSE_AFTER_OUTAGE)
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                // only "could not answer" opens it: a 404 for an unknown id is an answer
                .recordException(t -> t instanceof SchemaRegistryException e && e.isUnavailable())
                .build());
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(schema, s -> {
                    JsonNode answer = send("POST", "subjects/" + encode(subject) + "/versions", registerBody(s));
                    int id = answer.path("id").asInt(-1);
                    if (id < 0) {
                        throw new SchemaRegistryException(200, SchemaRegistryException.UNREACHABLE,
                                "registry answered register of " + subject + " without an id: " + answer, null);
                    }
                    schemasById.putIfAbsent(id, s);
                    return id;
                });
    }

    @Override
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, i -> {
            JsonNode answer = send("GET", "schemas/ids/" + i, null);
            String type = answer.path("schemaType").asText("AVRO");
            if (!"AVRO".equals(type)) {
                throw new SchemaRegistryException(200, 40403, "schema id " + i + " is " + type + ", not AVRO", null);
            }
            return new Schema.Parser().parse(answer.path("schema").asText());
        });
    }

    /** Asks the registry for its subjects: a clear failure now rather than at the first record decoded. */
    public void checkReachable() {
        send("GET", "subjects", null);
    }

    /** The registry's URL without any credentials it was given, for messages. */
    public URI uri() {
        return baseUri;
    }

    /** Requests sent to the registry so far (retries included); lets tests prove the hot path is cached. */
    public long requestsSent() {
        return requestsSent.get();
    }

    private String registerBody(Schema schema) {
        return json.createObjectNode().put("schemaType", "AVRO").put("schema", schema.toString()).toString();
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", CONTENT_TYPE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!authorization.isEmpty()) {
            builder.header("Authorization", authorization);
        }
        HttpRequest request = builder.build();
        try {
            return CircuitBreaker.decorateSupplier(outage, Retry.decorateSupplier(retry, () -> exchange(request))).get();
        } catch (CallNotPermittedException paused) {
            throw new SchemaRegistryException(0, SchemaRegistryException.UNREACHABLE, "schema registry " + baseUri
                    + " did not answer a moment ago; asking again in at most " + PAUSE_AFTER_OUTAGE.toMillis() + " ms", paused);
        }
    }

    private JsonNode exchange(HttpRequest request) {
        requestsSent.incrementAndGet();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SchemaRegistryException(0, SchemaRegistryException.UNREACHABLE,
                    "schema registry " + baseUri + " not reachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(0, SchemaRegistryException.UNREACHABLE, "interrupted calling " + baseUri, e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() != 200) {
            int code = answer == null ? SchemaRegistryException.UNREACHABLE : answer.path("error_code").asInt(SchemaRegistryException.UNREACHABLE);
            String message = answer == null ? response.body() : answer.path("message").asText(response.body());
            throw new SchemaRegistryException(response.statusCode(), code,
                    request.method() + " " + request.uri() + " → " + response.statusCode() + " (" + code + "): " + message, null);
        }
        if (answer == null) {
            throw new SchemaRegistryException(200, SchemaRegistryException.UNREACHABLE,
                    request.uri() + " answered 200 without a JSON body", null);
        }
        return answer;
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
