package io.presence.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueType;
import io.presence.config.KafkaConnection;
import io.presence.config.PresenceConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration deploy/kubernetes hands the services (SPEC §10): the ConfigMap's file, the env vars
 * and the Secret. The loader ignores a key or variable no service reads without a word, and a service
 * that gets a bad one fails only once deployed: these tests are where such mistakes show.
 */
class KubernetesConfigTest {

    private static final String KAFKA_CLIENT_SECRET = "presence-kafka-client";
    private static final ConfigVariables CONFIG_VARIABLES = ConfigVariables.ofReference();
    private static final Path DOCKERFILE = Path.of("container", "Dockerfile");
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final Pattern ENV_INSTRUCTION = Pattern.compile("^\\s*ENV\\s+(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENV_ASSIGNMENT = Pattern.compile("(?:^|\\s)([A-Za-z_][A-Za-z0-9_]*)=");

    private static KubernetesObjects objects;

    @BeforeAll
    static void readManifests() throws IOException {
        objects = KubernetesObjects.read();
    }

    @Test
    void everyPresenceVariableOfEveryContainerIsOneTheServicesRead() {
        for (Workload workload : objects.workloads()) {
            for (JsonNode container : workload.containers()) {
                assertThat(CONFIG_VARIABLES.unread(Workload.envNames(container))).as(workload.name()).isEmpty();
            }
        }
    }

    @Test
    void everyVariableReferenceNamesAVariableSetBeforeItInTheSameContainer() {
        for (Workload workload : objects.workloads()) {
            for (JsonNode container : workload.containers()) {
                List<String> set = new ArrayList<>();
                for (JsonNode entry : Workload.env(container)) {
                    // Kubernetes leaves a reference to anything else as it is, "$(NAME)" and all
                    Matcher reference = VARIABLE_REFERENCE.matcher(entry.path("value").asText());
                    while (reference.find()) {
                        assertThat(set).as(workload.name() + " " + entry.path("name").asText()).contains(reference.group(1));
                    }
                    set.add(entry.path("name").asText());
                }
            }
        }
    }

    @Test
    void theConfigFileSetsOnlyKeysThatHaveADefaultAndTheLoaderTakesItsValues(@TempDir Path temp) throws IOException {
        Config reference = ConfigFactory.defaultReference();
        Config file = objects.configFile();
        Set<String> paths = leafPaths(file);
        assertThat(paths).isNotEmpty();
        for (String path : paths) {
            assertThat(reference.hasPath(path)).as(path + " has no default in any reference.conf: no service reads it").isTrue();
            assertThat(reference.getValue(path).valueType()).as(path + " is a section, not a value").isNotEqualTo(ConfigValueType.OBJECT);
        }

        Config loaded = PresenceConfigLoader.load(Map.of(PresenceConfigLoader.CONFIG_FILE_ENV, configFileIn(temp).toString()));

        for (String path : paths) {
            assertThat(loaded.getValue(path).unwrapped()).as(path).isEqualTo(file.getValue(path).unwrapped());
        }
    }

    @Test
    void theConfigFileSetsNothingTheImageOverridesWithItsOwnEnvironment() throws IOException {
        Set<String> imageVariables = imageEnvironment();
        assertThat(imageVariables).as("ENV of " + DOCKERFILE).isNotEmpty();

        assertThat(leafPaths(objects.configFile()).stream().map(PresenceConfigLoader::envName))
                .as("env names of the config file's keys; the image's ENV overrides these")
                .doesNotContainAnyElementsOf(imageVariables);
    }

    @Test
    void everyContainersEnvironmentAndTheConfigFileMakeValidSettingsForItsService(@TempDir Path temp) throws IOException {
        Path configFile = configFileIn(temp);
        for (Workload workload : objects.workloads()) {
            JsonNode container = workload.containers().get(0);
            Map<String, String> env = environment(workload, container);
            env.put(PresenceConfigLoader.CONFIG_FILE_ENV, configFile.toString());

            assertThatCode(() -> workload.service().settings(PresenceConfigLoader.load(env)))
                    .as(workload.name()).doesNotThrowAnyException();
        }
    }

    @Test
    void theExampleSecretHoldsExactlyTheKeysTheContainersTakeFromItAsPlaceholders() throws IOException {
        Map<String, Set<String>> taken = new TreeMap<>();
        String exampleText = Files.readString(KubernetesObjects.DIRECTORY.resolve(KubernetesObjects.SECRET_EXAMPLE));
        for (JsonNode reference : secretKeyReferences()) {
            String key = reference.path("key").asText();
            if (reference.path("optional").asBoolean()) {
                // a key set only for a while (a secret being rotated) is shown, commented out, not as a placeholder
                assertThat(exampleText).as("optional key " + key + " explained in the example").contains("# " + key + ": ");
            } else {
                taken.computeIfAbsent(reference.path("name").asText(), name -> new TreeSet<>()).add(key);
            }
        }
        Map<String, Set<String>> examples = new TreeMap<>();
        for (JsonNode secret : exampleSecrets()) {
            if (KAFKA_CLIENT_SECRET.equals(secret.at("/metadata/name").asText())) {
                continue;
            }
            examples.put(secret.at("/metadata/name").asText(), new TreeSet<>(secret.path("stringData").properties().stream()
                    .map(Map.Entry::getKey).toList()));
            secret.path("stringData").forEach(value -> assertThat(value.asText()).as("an obvious placeholder").contains("REPLACE-ME"));
        }

        assertThat(examples).isEqualTo(taken);
    }

    @Test
    void everyWorkloadTakesTheOptionalKafkaClientSecretWholeAndItsExampleHoldsOnlyKafkaClientSettings() {
        for (Workload workload : objects.workloads()) {
            JsonNode container = workload.containers().get(0);
            assertThat(container.path("envFrom").findValues("secretRef")).as(workload.name())
                    .anySatisfy(ref -> {
                        assertThat(ref.path("name").asText()).isEqualTo(KAFKA_CLIENT_SECRET);
                        assertThat(ref.path("optional").asBoolean()).as("plaintext clusters need no such secret").isTrue();
                    });
        }
        JsonNode example = exampleSecrets().stream()
                .filter(secret -> KAFKA_CLIENT_SECRET.equals(secret.at("/metadata/name").asText())).findFirst().orElseThrow();
        Map<String, String> env = new HashMap<>();
        example.path("stringData").properties().forEach(entry -> env.put(entry.getKey(), entry.getValue().asText()));

        assertThat(KafkaConnection.fromConfig(PresenceConfigLoader.load(env)).clientSettings())
                .as("every variable becomes a Kafka client setting").hasSameSizeAs(env)
                .containsKeys("security.protocol", "sasl.jaas.config");
        assertThat(env.get("PRESENCE_KAFKA_CLIENT_SASL_JAAS_CONFIG")).as("an obvious placeholder").contains("REPLACE-ME");
    }

    @Test
    void secretsReachTheContainersFromTheSecretOnlyAndEachServiceGetsThoseItNeeds() {
        for (Workload workload : objects.workloads()) {
            JsonNode container = workload.containers().get(0);
            Set<String> fromSecrets = new TreeSet<>();
            for (JsonNode entry : Workload.env(container)) {
                String name = entry.path("name").asText();
                boolean fromSecret = entry.at("/valueFrom/secretKeyRef").isObject();
                if (fromSecret) {
                    fromSecrets.add(name);
                }
                assertThat(fromSecret || !ConfigVariables.isSecret(name)).as(workload.name() + " writes " + name + " into the manifest").isTrue();
            }
            assertThat(fromSecrets).as(workload.name()).containsAll(workload.service().requiredSecrets);
        }
    }

    @Test
    void noPodGetsServiceLinkVariablesThatWouldOverrideItsConfiguration() {
        // Kubernetes gives every pod <SERVICE>_PORT=tcp://… and the like for each Service of its namespace:
        // for a Service named presence-streams that is PRESENCE_STREAMS_PORT, the env name of presence.streams.port
        List<String> overriding = objects.ofKind("Service").stream()
                .filter(service -> !service.at("/spec/clusterIP").asText().equals("None")) // headless ones get none
                .flatMap(service -> serviceLinkVariables(service).stream())
                .filter(CONFIG_VARIABLES::reads)
                .sorted()
                .toList();
        for (Workload workload : objects.workloads()) {
            if (workload.podSpec().path("enableServiceLinks").asBoolean(true)) {
                assertThat(overriding).as(workload.name() + " has service links on; these override its config").isEmpty();
            }
        }
    }

    private static Path configFileIn(Path directory) throws IOException {
        // the extension tells the loader the syntax, as the mounted file's does
        return Files.writeString(directory.resolve(KubernetesObjects.CONFIG_KEY), objects.configFileText());
    }

    private static Set<String> leafPaths(Config config) {
        Set<String> paths = new TreeSet<>();
        config.entrySet().forEach(entry -> paths.add(entry.getKey()));
        return paths;
    }

    /** The container's env as the pod would get it: references expanded, the example Secret's values, a pod name. */
    private static Map<String, String> environment(Workload workload, JsonNode container) {
        Map<String, String> env = new HashMap<>();
        for (JsonNode entry : Workload.env(container)) {
            String name = entry.path("name").asText();
            if (entry.has("value")) {
                Matcher reference = VARIABLE_REFERENCE.matcher(entry.path("value").asText());
                env.put(name, reference.replaceAll(match -> Matcher.quoteReplacement(env.getOrDefault(match.group(1), ""))));
            } else if (entry.at("/valueFrom/fieldRef/fieldPath").asText().equals("metadata.name")) {
                env.put(name, workload.name() + "-0");
            } else if (entry.at("/valueFrom/secretKeyRef").isObject()) {
                JsonNode reference = entry.at("/valueFrom/secretKeyRef");
                env.put(name, exampleSecrets().stream()
                        .filter(secret -> secret.at("/metadata/name").asText().equals(reference.path("name").asText()))
                        .map(secret -> secret.path("stringData").path(reference.path("key").asText()).asText())
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no example Secret " + reference)));
            }
        }
        return env;
    }

    private static List<JsonNode> secretKeyReferences() {
        List<JsonNode> references = new ArrayList<>();
        for (Workload workload : objects.workloads()) {
            for (JsonNode container : workload.containers()) {
                Workload.env(container).stream()
                        .map(entry -> entry.at("/valueFrom/secretKeyRef"))
                        .filter(JsonNode::isObject)
                        .forEach(references::add);
            }
        }
        return references;
    }

    private static List<JsonNode> exampleSecrets() {
        return objects.byFile().getOrDefault(KubernetesObjects.SECRET_EXAMPLE, List.of()).stream()
                .filter(object -> object.path("kind").asText().equals("Secret"))
                .toList();
    }

    /** What the kubelet sets for a Service with a cluster IP (its docker-links-style variables). */
    private static List<String> serviceLinkVariables(JsonNode service) {
        String prefix = envStyle(service.at("/metadata/name").asText());
        List<String> names = new ArrayList<>(List.of(prefix + "_SERVICE_HOST", prefix + "_SERVICE_PORT", prefix + "_PORT"));
        for (JsonNode port : service.at("/spec/ports")) {
            String address = prefix + "_PORT_" + port.path("port").asText() + "_" + port.path("protocol").asText("TCP");
            names.addAll(List.of(address, address + "_PROTO", address + "_PORT", address + "_ADDR"));
            if (port.has("name")) {
                names.add(prefix + "_SERVICE_PORT_" + envStyle(port.path("name").asText()));
            }
        }
        return names;
    }

    private static String envStyle(String name) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The variables the image's Dockerfile sets with ENV: they override the config file in every container. */
    private static Set<String> imageEnvironment() throws IOException {
        String instructions = Files.readString(DOCKERFILE).replaceAll("\\\\\\R", " ");
        Set<String> names = new TreeSet<>();
        for (String line : instructions.split("\\R")) {
            Matcher env = ENV_INSTRUCTION.matcher(line);
            if (env.matches()) {
                Matcher assignment = ENV_ASSIGNMENT.matcher(env.group(1));
                while (assignment.find()) {
                    names.add(assignment.group(1));
                }
            }
        }
        return names;
    }
}
