package io.presence.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.presence.config.PresenceConfigLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose/compose.yaml: what {@code docker compose up} would start only to fail or misbehave — a
 * variable no service reads, a service looking for Kafka or the registry where they are not, a wait on a
 * health check that does not exist, state outside a volume, a secret written into the file.
 */
class ComposeFileTest {

    private static final Path COMPOSE_FILE = Path.of("compose", "compose.yaml");
    private static final Path REPOSITORY = Path.of("..");
    private static final String IMAGE = "presence:0.1.0";
    private static final ConfigVariables CONFIG_VARIABLES = ConfigVariables.ofReference();
    // ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-?])([^}]*))?}");

    private static JsonNode compose;

    @BeforeAll
    static void readComposeFile() throws IOException {
        compose = YamlDocuments.readOne(COMPOSE_FILE);
    }

    @Test
    void runsKafkaEveryServiceOfTheImageOnceAndTheMonitoring() {
        assertThat(serviceNames()).contains("kafka", "schema-registry", "ingest", "streams", "notifier", "prometheus", "grafana");
        assertThat(service("kafka").path("image").asText()).isEqualTo("apache/kafka:4.4.0");

        assertThat(presenceServices().keySet()).containsExactlyInAnyOrder(PresenceService.values());
    }

    @Test
    void everyServiceOfTheImageIsBuiltFromTheRepositoryAndPublishesItsPortWhereItsHealthIsChecked() throws IOException {
        for (Map.Entry<PresenceService, String> entry : presenceServices().entrySet()) {
            JsonNode definition = service(entry.getValue());
            int port = entry.getKey().defaultPort();
            String what = entry.getValue() + " (port " + port + ")";

            Path context = COMPOSE_FILE.getParent().resolve(definition.at("/build/context").asText());
            assertThat(context.toRealPath()).as(what + " build context").isEqualTo(REPOSITORY.toRealPath());
            assertThat(context.resolve(definition.at("/build/dockerfile").asText())).as(what).isRegularFile();
            assertThat(texts(definition.path("ports"))).as(what).contains(port + ":" + port);
            String healthCheck = String.join(" ", texts(definition.at("/healthcheck/test")));
            assertThat(healthCheck).as(what).contains("/dev/tcp/127.0.0.1/" + port + " ").contains("GET /health ");
        }
        assertThat(texts(service("kafka").path("ports"))).contains("9092:9092");
    }

    @Test
    void everyPresenceVariableIsOneTheServicesRead() {
        for (String name : serviceNames()) {
            assertThat(CONFIG_VARIABLES.unread(environment(service(name)).keySet())).as(name).isEmpty();
        }
    }

    @Test
    void everyServiceOfTheImageGetsValidSettingsFromItsEnvironmentOnceTheRequiredVariablesAreSet() {
        for (Map.Entry<PresenceService, String> entry : presenceServices().entrySet()) {
            Map<String, String> env = interpolated(environment(service(entry.getValue())));

            assertThatCode(() -> entry.getKey().settings(PresenceConfigLoader.load(env)))
                    .as(entry.getValue()).doesNotThrowAnyException();
        }
    }

    @Test
    void secretsComeFromTheCallersEnvironmentAndThoseAServiceNeedsAreRequired() {
        for (String name : serviceNames()) {
            environment(service(name)).forEach((variable, value) -> {
                if (ConfigVariables.isSecret(variable)) {
                    assertThat(value).as(name + " " + variable + " is written into the file").matches("\\$\\{" + variable + "[:?-].*}");
                }
            });
        }
        presenceServices().forEach((service, name) -> {
            Map<String, String> env = environment(service(name));
            for (String secret : service.requiredSecrets) {
                assertThat(env.get(secret)).as(name + " " + secret + " is required of the caller").matches("\\$\\{" + secret + ":\\?.+}");
            }
        });
    }

    @Test
    void theServicesFindKafkaTheRegistryAndEachOtherByServiceNames() {
        Set<String> advertised = new TreeSet<>();
        for (String listener : environment(service("kafka")).get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            advertised.add(listener.substring(listener.indexOf("://") + 3));
        }
        String registry = presenceServices().get(PresenceService.REGISTRY);
        String registryUrl = "http://" + registry + ":" + PresenceService.REGISTRY.defaultPort();
        for (Map.Entry<PresenceService, String> entry : presenceServices().entrySet()) {
            Map<String, String> env = environment(service(entry.getValue()));
            String bootstrap = env.getOrDefault("PRESENCE_KAFKA_BOOTSTRAP", "");
            assertThat(advertised).as(entry.getValue() + " bootstrap").contains(bootstrap);
            assertThat(serviceNames()).as(entry.getValue() + " bootstrap host").contains(bootstrap.split(":")[0]);
            if (entry.getKey() != PresenceService.REGISTRY) {
                assertThat(env.get("PRESENCE_SCHEMA_REGISTRY_URL")).as(entry.getValue()).isEqualTo(registryUrl);
            }
        }
        // Kafka Streams' application.server: the name the other containers reach this one by
        String streams = presenceServices().get(PresenceService.STREAMS);
        assertThat(environment(service(streams)).get("PRESENCE_STREAMS_ADVERTISED_HOST")).isEqualTo(streams);
    }

    @Test
    void everyDependencyIsAServiceAndEveryWaitForHealthHasAHealthCheck() {
        for (String name : serviceNames()) {
            JsonNode dependsOn = service(name).path("depends_on");
            List<String> dependencies = dependsOn.isArray() ? texts(dependsOn) : new ArrayList<>(fieldNames(dependsOn));
            for (String dependency : dependencies) {
                assertThat(serviceNames()).as(name + " depends on").contains(dependency);
                if (dependsOn.path(dependency).path("condition").asText().equals("service_healthy")) {
                    assertThat(service(dependency).has("healthcheck")).as(name + " waits for " + dependency + " to be healthy").isTrue();
                }
            }
        }
    }

    @Test
    void theBrokersLogAndTheStreamsStateLiveOnNamedVolumes() {
        assertThat(namedVolumeHolds("kafka", environment(service("kafka")).get("KAFKA_LOG_DIRS"))).isTrue();
        String streams = presenceServices().get(PresenceService.STREAMS);
        assertThat(namedVolumeHolds(streams, environment(service(streams)).get("PRESENCE_STREAMS_STATE_DIR"))).isTrue();
    }

    @Test
    void theMonitoringMountsTheObservabilityFilesOfTheRepository() {
        JsonNode prometheus = service("prometheus");
        assertThat(texts(prometheus.path("ports"))).contains("9090:9090");
        assertThat(texts(prometheus.path("command"))).contains("--config.file=/etc/prometheus/prometheus.yml");
        Path prometheusFiles = bindMountSource("prometheus", "/etc/prometheus");
        assertThat(prometheusFiles.resolve("prometheus.yml")).isRegularFile();
        assertThat(prometheusFiles.resolve("alerts.yml")).isRegularFile();

        assertThat(texts(service("grafana").path("ports"))).contains("3000:3000");
        assertThat(bindMountSource("grafana", "/etc/grafana/provisioning")).isDirectory();
        assertThat(bindMountSource("grafana", "/var/lib/grafana/dashboards")).isDirectory();
    }

    private static JsonNode service(String name) {
        return compose.path("services").path(name);
    }

    private static List<String> serviceNames() {
        return new ArrayList<>(fieldNames(compose.path("services")));
    }

    /** The compose services that run the presence image, by the service their command selects. */
    private static Map<PresenceService, String> presenceServices() {
        Map<PresenceService, String> services = new EnumMap<>(PresenceService.class);
        for (String name : serviceNames()) {
            if (service(name).path("image").asText().equals(IMAGE)) {
                PresenceService service = PresenceService.selectedBy(service(name).path("command").path(0).asText(), name);
                assertThat(services.put(service, name)).as(service.argument + " runs once").isNull();
            }
        }
        return services;
    }

    /** A service's environment, given as a map or as a list of NAME=value. */
    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode environment = service.path("environment");
        if (environment.isArray()) {
            for (String assignment : texts(environment)) {
                int equals = assignment.indexOf('=');
                env.put(equals < 0 ? assignment : assignment.substring(0, equals), equals < 0 ? "" : assignment.substring(equals + 1));
            }
        } else {
            environment.properties().forEach(variable -> env.put(variable.getKey(), variable.getValue().asText()));
        }
        return env;
    }

    /** As compose interpolates it for a caller who set every required variable and nothing else. */
    private static Map<String, String> interpolated(Map<String, String> env) {
        Map<String, String> result = new LinkedHashMap<>();
        env.forEach((name, value) -> result.put(name, INTERPOLATION.matcher(value).replaceAll(reference -> {
            boolean required = "?".equals(reference.group(2));
            String replacement = required ? "set-by-caller-" + reference.group(1) : reference.group(2) == null ? "" : reference.group(3);
            return Matcher.quoteReplacement(replacement);
        }).replace("$$", "$")));
        return result;
    }

    /** Whether a path of the service's is on a named volume (declared at the top level), not in the container. */
    private static boolean namedVolumeHolds(String serviceName, String path) {
        for (String volume : texts(service(serviceName).path("volumes"))) {
            String[] parts = volume.split(":");
            boolean named = compose.path("volumes").has(parts[0]);
            if (named && parts.length > 1 && Path.of(path).startsWith(Path.of(parts[1]))) {
                return true;
            }
        }
        return false;
    }

    /** The host directory a service mounts at this path, resolved as compose resolves it: against the file's directory. */
    private static Path bindMountSource(String serviceName, String target) {
        for (String volume : texts(service(serviceName).path("volumes"))) {
            String[] parts = volume.split(":");
            if (parts.length > 1 && parts[1].equals(target) && parts[0].startsWith(".")) {
                return COMPOSE_FILE.getParent().resolve(parts[0]).normalize();
            }
        }
        throw new AssertionError(serviceName + " bind-mounts nothing at " + target);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.properties().forEach(field -> names.add(field.getKey()));
        return names;
    }
}
