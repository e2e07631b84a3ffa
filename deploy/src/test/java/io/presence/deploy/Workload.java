package io.presence.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** A Deployment or StatefulSet of the manifests: its pod template and containers, as the tests look at them. */
record Workload(JsonNode object) {

    String name() {
        return object.at("/metadata/name").asText();
    }

    String kind() {
        return object.path("kind").asText();
    }

    int replicas() {
        // Kubernetes' default when the field is absent
        return object.at("/spec/replicas").asInt(1);
    }

    JsonNode podSpec() {
        return object.at("/spec/template/spec");
    }

    JsonNode podAnnotations() {
        return object.at("/spec/template/metadata/annotations");
    }

    List<JsonNode> containers() {
        List<JsonNode> containers = new ArrayList<>();
        podSpec().path("containers").forEach(containers::add);
        return containers;
    }

    /** Whether every label of the selector is on this workload's pods. */
    boolean podsMatch(JsonNode selector) {
        JsonNode labels = object.at("/spec/template/metadata/labels");
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> label : selector.properties()) {
            if (!labels.path(label.getKey()).asText().equals(label.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    /** The container port a Service's targetPort or a probe's port names: a number, or a container port's name. */
    OptionalInt containerPort(JsonNode port) {
        for (JsonNode container : containers()) {
            for (JsonNode declared : container.path("ports")) {
                boolean named = port.isTextual() && port.asText().equals(declared.path("name").asText());
                boolean numbered = port.isInt() && port.asInt() == declared.path("containerPort").asInt();
                if (named || numbered) {
                    return OptionalInt.of(declared.path("containerPort").asInt());
                }
            }
        }
        return OptionalInt.empty();
    }

    /** The service of the image its (one) container runs, named by the container's first argument. */
    PresenceService service() {
        return PresenceService.selectedBy(containers().get(0).path("args").path(0).asText(), name());
    }

    /** The container's env entries in order (name, then a {@code value} or a {@code valueFrom}). */
    static List<JsonNode> env(JsonNode container) {
        List<JsonNode> env = new ArrayList<>();
        container.path("env").forEach(env::add);
        return env;
    }

    static List<String> envNames(JsonNode container) {
        return env(container).stream().map(entry -> entry.path("name").asText()).toList();
    }

    /** The literal value of an env var, or null if the container does not set it that way. */
    static String envValue(JsonNode container, String name) {
        return env(container).stream()
                .filter(entry -> entry.path("name").asText().equals(name) && entry.has("value"))
                .map(entry -> entry.path("value").asText())
                .findFirst()
                .orElse(null);
    }
}
