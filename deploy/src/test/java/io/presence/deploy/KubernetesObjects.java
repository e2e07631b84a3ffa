package io.presence.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The objects of the manifests in deploy/kubernetes (every {@code *.yaml} but the kustomization), by file. */
final class KubernetesObjects {

    static final Path DIRECTORY = Path.of("kubernetes");
    static final String KUSTOMIZATION = "kustomization.yaml";
    static final String SECRET_EXAMPLE = "secret.example.yaml";
    static final String CONFIG_MAP = "presence-config";
    static final String CONFIG_KEY = "presence.conf";

    private final Map<String, List<JsonNode>> byFile;

    private KubernetesObjects(Map<String, List<JsonNode>> byFile) {
        this.byFile = byFile;
    }

    static KubernetesObjects read() throws IOException {
        Map<String, List<JsonNode>> byFile = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.equals(KUSTOMIZATION)) {
                    byFile.put(name, YamlDocuments.read(file));
                }
            }
        }
        return new KubernetesObjects(byFile);
    }

    Map<String, List<JsonNode>> byFile() {
        return byFile;
    }

    List<JsonNode> all() {
        return byFile.values().stream().flatMap(List::stream).toList();
    }

    List<JsonNode> ofKind(String kind) {
        return all().stream().filter(object -> object.path("kind").asText().equals(kind)).toList();
    }

    /** Deployments and StatefulSets. */
    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (JsonNode object : all()) {
            String kind = object.path("kind").asText();
            if (kind.equals("Deployment") || kind.equals("StatefulSet")) {
                workloads.add(new Workload(object));
            }
        }
        return workloads;
    }

    /** The workloads whose pods a label selector ({@code app: x} pairs) picks. */
    List<Workload> selectedBy(JsonNode selector) {
        return workloads().stream().filter(workload -> workload.podsMatch(selector)).toList();
    }

    /** The HOCON file the ConfigMap holds, as text. */
    String configFileText() {
        return named("ConfigMap", CONFIG_MAP).path("data").path(CONFIG_KEY).asText();
    }

    /** That file parsed on its own (no defaults), its substitutions resolved against the defaults. */
    Config configFile() {
        return ConfigFactory.parseString(configFileText(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF))
                .resolveWith(ConfigFactory.defaultReference());
    }

    JsonNode named(String kind, String name) {
        return ofKind(kind).stream()
                .filter(object -> object.at("/metadata/name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }
}
