package io.presence.streams.query.routing;

import static io.presence.streams.query.routing.FakeApplication.NAMES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.presence.http.EdgeSettings;
import io.presence.http.HttpEdge;
import io.presence.http.ReadinessCheck;
import io.presence.streams.query.TestTokens;
import io.presence.testkit.FreePort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The internal lookup over real HTTP: one instance's copies read by another, and kept from clients. */
class HttpPeerLookupTest {

    private static final InternalKey KEY = InternalKey.configuredOrDerived("", TestTokens.SECRET);

    private final FakeApplication peerSide = new FakeApplication();
    private HttpEdge peer;
    private HostInfo peerHost;

    @BeforeEach
    void startPeer() {
        peer = new HttpEdge(EdgeSettings.defaults(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), ReadinessCheck.alwaysReady());
        PeerLookupEndpoint endpoint = new PeerLookupEndpoint(KEY, peerSide, List.of(NAMES));
        peer.app().post(PeerLookupEndpoint.ROUTE, endpoint::lookup);
        peer.start(0);
        peerHost = new HostInfo("localhost", peer.port());
    }

    @AfterEach
    void stopPeer() {
        peer.close();
    }

    @Test
    void R_QRY_4_aPeerAnswersFoundAbsentAndUnavailableKeysOfItsCopies() throws Exception {
        // the peer is FakeApplication.SELF from its own point of view
        peerSide.active(FakeApplication.SELF, 1, "p1-a").standby(FakeApplication.SELF, 2, "p2-b");
        HttpPeerLookup lookup = new HttpPeerLookup(KEY, Duration.ofSeconds(2));

        Map<String, KeyResult<String>> active = lookup.read(peerHost, NAMES,
                Map.of(1, List.of("p1-a", "p1-none"), 2, List.of("p2-b")), false).get(5, TimeUnit.SECONDS);
        Map<String, KeyResult<String>> stale = lookup.read(peerHost, NAMES, Map.of(2, List.of("p2-b")), true).get(5, TimeUnit.SECONDS);

        assertThat(active).containsOnly(
                Map.entry("p1-a", new KeyResult.Found<>("answer:p1-a")),
                Map.entry("p1-none", new KeyResult.Absent<>()),
                Map.entry("p2-b", new KeyResult.Unavailable<>("no copy of partition 2")));
        assertThat(stale).containsOnly(Map.entry("p2-b", new KeyResult.Found<>("answer:p2-b")));
    }

    @Test
    void R_QRY_4_theInternalLookupRefusesAClientTokenAndAWrongKey() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://localhost:" + peer.port() + PeerLookupEndpoint.path(NAMES.name()));
        String body = "{\"partitions\":{\"1\":[\"p1-a\"]},\"staleAllowed\":false}";

        HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(uri).header("Authorization", TestTokens.bearer("alice"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withWrongKey = http.send(HttpRequest.newBuilder(uri).header(InternalKey.HEADER, "guess")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(withToken.statusCode()).isEqualTo(401);
        assertThat(withToken.body()).contains("40101").contains(InternalKey.HEADER);
        assertThat(withWrongKey.statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> new HttpPeerLookup(InternalKey.configuredOrDerived("other", "x"), Duration.ofSeconds(2))
                .read(peerHost, NAMES, Map.of(1, List.of("p1-a")), false).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(PeerUnreachableException.class)
                .hasMessageContaining("answered HTTP 401");
    }

    @Test
    void R_QRY_4_aPeerThatIsDownOrTooSlowIsUnreachable() throws Exception {
        peerSide.active(FakeApplication.SELF, 1, "p1-a");
        peerSide.instance(FakeApplication.SELF).delay = Duration.ofMillis(1_000);
        HostInfo nobody = new HostInfo("localhost", FreePort.find());

        assertThatThrownBy(() -> new HttpPeerLookup(KEY, Duration.ofSeconds(2)).read(nobody, NAMES, Map.of(1, List.of("p1-a")), false)
                .get(5, TimeUnit.SECONDS)).cause().isInstanceOf(PeerUnreachableException.class).hasMessageContaining("connection");
        assertThatThrownBy(() -> new HttpPeerLookup(KEY, Duration.ofMillis(200)).read(peerHost, NAMES, Map.of(1, List.of("p1-a")), false)
                .get(5, TimeUnit.SECONDS)).cause().isInstanceOf(PeerUnreachableException.class).hasMessageContaining("within 200 ms");
    }

    @Test
    void aDerivedInternalKeyIsStableAndNeitherTheSecretNorEmpty() {
        InternalKey derived = InternalKey.configuredOrDerived("", "secret-1");

        assertThat(derived.value()).isEqualTo(InternalKey.configuredOrDerived("", "secret-1").value())
                .isNotEqualTo(InternalKey.configuredOrDerived("", "secret-2").value())
                .doesNotContain("secret-1").isNotEmpty();
        assertThat(InternalKey.configuredOrDerived("configured", "secret-1").value()).isEqualTo("configured");
        assertThat(derived.toString()).doesNotContain(derived.value());
    }
}
