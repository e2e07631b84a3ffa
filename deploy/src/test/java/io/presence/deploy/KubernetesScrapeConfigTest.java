package io.presence.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes scrape job gives each presence pod the {@code job} the dashboard and the alert rules
 * select by. Those select the compose setup's job names (presence-notifier's ObservabilityIT ties them
 * to the dashboard); here the pods' component labels are tied to the same names.
 */
class KubernetesScrapeConfigTest {

    private static final Path PROMETHEUS = Path.of("observability", "prometheus");
    private static final String COMPONENT_META_LABEL = "__meta_kubernetes_pod_label_app_kubernetes_io_component";

    @Test
    void everyScrapedWorkloadGetsTheJobItsComposeTwinHas() throws IOException {
        Set<String> composeJobs = new TreeSet<>();
        YamlDocuments.readOne(PROMETHEUS.resolve("prometheus.yml")).path("scrape_configs")
                .forEach(job -> composeJobs.add(job.path("job_name").asText()));

        Set<String> scrapedComponents = new TreeSet<>();
        for (Workload workload : KubernetesObjects.read().workloads()) {
            if (workload.podAnnotations().path("prometheus.io/scrape").asText().equals("true")) {
                scrapedComponents.add(workload.object().at("/spec/template/metadata/labels").path("app.kubernetes.io/component").asText());
            }
        }

        assertThat(scrapedComponents).isEqualTo(composeJobs);
    }

    @Test
    void theJobLabelComesFromTheComponentLabelOfPresencePodsThatAskToBeScraped() throws IOException {
        List<JsonNode> rules = new ArrayList<>();
        JsonNode job = YamlDocuments.readOne(PROMETHEUS.resolve("kubernetes-scrape.yml")).path("scrape_configs").path(0);
        job.path("relabel_configs").forEach(rules::add);

        assertThat(job.at("/kubernetes_sd_configs/0/role").asText()).isEqualTo("pod");
        assertThat(rules).anySatisfy(rule -> {
            assertThat(rule.path("source_labels").path(0).asText()).isEqualTo(COMPONENT_META_LABEL);
            assertThat(rule.path("target_label").asText()).isEqualTo("job");
        });
        assertThat(rules).anySatisfy(rule -> {
            assertThat(rule.path("action").asText()).isEqualTo("keep");
            assertThat(rule.path("source_labels").path(0).asText()).isEqualTo("__meta_kubernetes_pod_annotation_prometheus_io_scrape");
        });
        assertThat(rules).anySatisfy(rule -> {
            assertThat(rule.path("action").asText()).isEqualTo("keep");
            assertThat(rule.path("source_labels").path(0).asText()).isEqualTo("__meta_kubernetes_pod_label_app_kubernetes_io_name");
            assertThat(rule.path("regex").asText()).isEqualTo("presence");
        });
    }
}
