package io.presence.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of deploy/kubernetes: what {@code kubectl apply -k} would accept and the cluster then run
 * wrongly — a Service or probe on a port nothing listens on, a pod advertising a name that does not
 * resolve, a budget over nothing, a single-writer registry rolled with two pods up.
 */
class KubernetesManifestsTest {

    private static final String NAME_LABEL = "app.kubernetes.io/name";
    private static final String COMPONENT_LABEL = "app.kubernetes.io/component";
    private static final String CONFIG_DIRECTORY = "/etc/presence";
    private static final int IMAGE_USER = 10001;

    private static KubernetesObjects objects;

    @BeforeAll
    static void readManifests() throws IOException {
        objects = KubernetesObjects.read();
    }

    @Test
    void everyDocumentIsAKubernetesObjectOfThePresenceAppThatNamesNoNamespace() {
        assertThat(objects.byFile()).isNotEmpty();
        objects.byFile().forEach((file, documents) -> assertThat(documents).as(file).isNotEmpty().allSatisfy(object -> {
            String what = file + " " + object.path("kind").asText() + " " + object.at("/metadata/name").asText();
            assertThat(object.path("apiVersion").asText()).as(what).isNotEmpty();
            assertThat(object.path("kind").asText()).as(what).isNotEmpty();
            assertThat(object.at("/metadata/name").asText()).as(what).isNotEmpty();
            assertThat(object.at("/metadata/namespace").isMissingNode()).as(what + " names a namespace").isTrue();
            assertThat(object.at("/metadata/labels").path(NAME_LABEL).asText()).as(what).isEqualTo("presence");
        }));
    }

    @Test
    void theKustomizationListsEveryManifestButTheExampleSecret() throws IOException {
        JsonNode kustomization = YamlDocuments.readOne(KubernetesObjects.DIRECTORY.resolve(KubernetesObjects.KUSTOMIZATION));
        List<String> resources = new ArrayList<>();
        kustomization.path("resources").forEach(resource -> resources.add(resource.asText()));

        List<String> manifests = objects.byFile().keySet().stream().filter(file -> !file.endsWith(".example.yaml")).toList();
        assertThat(resources).containsExactlyInAnyOrderElementsOf(manifests);
        assertThat(objects.byFile()).containsKey(KubernetesObjects.SECRET_EXAMPLE);
    }

    @Test
    void everyWorkloadRunsOneServiceOfTheImageProbedAndScrapedOnThatServicesPort() {
        List<PresenceService> deployed = new ArrayList<>();
        for (Workload workload : objects.workloads()) {
            assertThat(workload.podsMatch(workload.object().at("/spec/selector/matchLabels"))).as(workload.name()).isTrue();
            assertThat(workload.object().at("/spec/template/metadata/labels").path(COMPONENT_LABEL).asText())
                    .as(workload.name()).isNotEmpty();
            assertThat(workload.containers()).as(workload.name()).hasSize(1);
            JsonNode container = workload.containers().get(0);
            PresenceService service = workload.service();
            deployed.add(service);
            int port = service.defaultPort();
            String what = workload.name() + " (" + service.argument + ", port " + port + ")";

            assertThat(workload.containerPort(IntNode.valueOf(port))).as(what + " declares its port").isPresent();
            JsonNode readiness = container.at("/readinessProbe/httpGet");
            assertThat(readiness.path("path").asText()).as(what + " readiness").isEqualTo("/health");
            assertThat(workload.containerPort(readiness.path("port"))).as(what + " readiness").hasValue(port);
            for (String probe : List.of("startupProbe", "livenessProbe")) {
                JsonNode handler = container.path(probe).has("httpGet")
                        ? container.path(probe).path("httpGet") : container.path(probe).path("tcpSocket");
                assertThat(workload.containerPort(handler.path("port"))).as(what + " " + probe).hasValue(port);
            }
            JsonNode annotations = workload.podAnnotations();
            assertThat(annotations.path("prometheus.io/scrape").asText()).as(what).isEqualTo("true");
            assertThat(annotations.path("prometheus.io/port").asText()).as(what).isEqualTo(String.valueOf(port));
            assertThat(annotations.path("prometheus.io/path").asText()).as(what).isEqualTo("/metrics");
        }
        assertThat(deployed).containsExactlyInAnyOrder(PresenceService.values());
    }

    @Test
    void everyContainerReadsTheConfigMapAndRunsUnprivilegedWithinStatedResources() {
        JsonNode configMap = objects.named("ConfigMap", KubernetesObjects.CONFIG_MAP);
        assertThat(configMap.path("data").has(KubernetesObjects.CONFIG_KEY)).isTrue();
        for (Workload workload : objects.workloads()) {
            JsonNode container = workload.containers().get(0);
            String what = workload.name();

            assertThat(Workload.envValue(container, "PRESENCE_CONFIG")).as(what)
                    .isEqualTo(CONFIG_DIRECTORY + "/" + KubernetesObjects.CONFIG_KEY);
            JsonNode configVolume = mountedVolume(workload, container, CONFIG_DIRECTORY);
            assertThat(configVolume.at("/configMap/name").asText()).as(what).isEqualTo(KubernetesObjects.CONFIG_MAP);
            assertThat(configVolume.at("/configMap/items").isMissingNode()).as(what + " mounts every key as is").isTrue();
            assertThat(Workload.envValue(container, "JAVA_OPTS")).as(what).contains("-XX:MaxRAMPercentage=");
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(container.path("resources").path(bound).path(resource).asText())
                            .as(what + " " + bound + "." + resource).isNotEmpty();
                }
            }
            JsonNode pod = workload.podSpec().path("securityContext");
            assertThat(pod.path("runAsNonRoot").asBoolean()).as(what).isTrue();
            assertThat(pod.path("runAsUser").asInt()).as(what).isEqualTo(IMAGE_USER);
            JsonNode own = container.path("securityContext");
            assertThat(own.path("allowPrivilegeEscalation").asBoolean(true)).as(what).isFalse();
            assertThat(own.path("readOnlyRootFilesystem").asBoolean()).as(what).isTrue();
            // with the root read-only, the JVM's scratch space must be a volume (RocksDB unpacks its library there)
            assertThat(mountedVolume(workload, container, "/tmp").has("emptyDir")).as(what + " /tmp").isTrue();
        }
    }

    @Test
    void everyServiceSelectsThePodsOfExactlyOneWorkloadOnPortsTheyExpose() {
        List<JsonNode> services = objects.ofKind("Service");
        assertThat(services).isNotEmpty();
        for (JsonNode service : services) {
            String name = service.at("/metadata/name").asText();
            List<Workload> selected = objects.selectedBy(service.at("/spec/selector"));
            assertThat(selected).as(name + " selects").hasSize(1);
            for (JsonNode port : service.at("/spec/ports")) {
                JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
                assertThat(selected.get(0).containerPort(target)).as(name + " → " + target).isPresent();
            }
        }
    }

    @Test
    void everyWorkloadOfSeveralReplicasAndOnlySuchHasADisruptionBudget() {
        Set<String> budgeted = new HashSet<>();
        for (JsonNode budget : objects.ofKind("PodDisruptionBudget")) {
            String name = budget.at("/metadata/name").asText();
            List<Workload> selected = objects.selectedBy(budget.at("/spec/selector/matchLabels"));
            assertThat(selected).as(name + " selects").hasSize(1);
            // a budget over one replica can only block node drains
            assertThat(selected.get(0).replicas()).as(name).isGreaterThan(1);
            budgeted.add(selected.get(0).name());
        }
        objects.workloads().stream().filter(workload -> workload.replicas() > 1)
                .forEach(workload -> assertThat(budgeted).as("budgets").contains(workload.name()));
    }

    @Test
    void everyStatefulSetAdvertisesItsPodsByTheirNamesUnderItsHeadlessService() {
        List<Workload> statefulSets = objects.workloads().stream().filter(w -> w.kind().equals("StatefulSet")).toList();
        assertThat(statefulSets).isNotEmpty();
        for (Workload statefulSet : statefulSets) {
            String governing = statefulSet.object().at("/spec/serviceName").asText();
            JsonNode service = objects.named("Service", governing);
            assertThat(service.at("/spec/clusterIP").asText()).as(governing).isEqualTo("None");
            // peers and redirected clients must find a pod while it is not Ready (rebalancing, restoring)
            assertThat(service.at("/spec/publishNotReadyAddresses").asBoolean()).as(governing).isTrue();
            assertThat(objects.selectedBy(service.at("/spec/selector"))).as(governing).containsExactly(statefulSet);

            JsonNode container = statefulSet.containers().get(0);
            String podName = Workload.env(container).stream()
                    .filter(entry -> entry.at("/valueFrom/fieldRef/fieldPath").asText().equals("metadata.name"))
                    .map(entry -> entry.path("name").asText())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(statefulSet.name() + " has no env var of its pod's name"));
            List<String> advertised = Workload.envNames(container).stream().filter(name -> name.contains("_ADVERTISED_"))
                    .map(name -> Workload.envValue(container, name)).toList();
            assertThat(advertised).as(statefulSet.name()).isNotEmpty()
                    .allSatisfy(value -> assertThat(value).contains("$(" + podName + ")." + governing));
        }
    }

    @Test
    void streamsKeepsItsStateOnAVolumeOfItsOwnAndHasPeersForItsStandbys() {
        Workload streams = workloadRunning(PresenceService.STREAMS);
        assertThat(streams.kind()).isEqualTo("StatefulSet");
        Config config = objects.configFile();
        Path stateDir = Path.of(config.getString("presence.streams.state-dir"));
        Set<String> claims = new HashSet<>();
        streams.object().at("/spec/volumeClaimTemplates").forEach(claim -> claims.add(claim.at("/metadata/name").asText()));

        List<String> claimMounts = new ArrayList<>();
        streams.containers().get(0).path("volumeMounts").forEach(mount -> {
            if (claims.contains(mount.path("name").asText())) {
                claimMounts.add(mount.path("mountPath").asText());
            }
        });
        assertThat(claimMounts).as("state dir " + stateDir).anySatisfy(mount -> assertThat(stateDir).startsWithRaw(Path.of(mount)));
        int standbys = config.getInt("presence.streams.num-standby-replicas");
        assertThat(standbys).isPositive();
        assertThat(streams.replicas()).isGreaterThan(standbys);
    }

    @Test
    void theSingleWriterRegistryRunsOneReplicaReplacedRatherThanRolled() {
        Workload registry = workloadRunning(PresenceService.REGISTRY);

        assertThat(registry.replicas()).isEqualTo(1);
        assertThat(registry.object().at("/spec/strategy/type").asText()).isEqualTo("Recreate");
    }

    private static Workload workloadRunning(PresenceService service) {
        return objects.workloads().stream()
                .filter(workload -> workload.service() == service)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no workload runs " + service.argument));
    }

    /** The pod volume mounted at this path in the container. */
    private static JsonNode mountedVolume(Workload workload, JsonNode container, String mountPath) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals(mountPath)) {
                for (JsonNode volume : workload.podSpec().path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())) {
                        return volume;
                    }
                }
            }
        }
        throw new AssertionError(workload.name() + " mounts no pod volume at " + mountPath);
    }
}
