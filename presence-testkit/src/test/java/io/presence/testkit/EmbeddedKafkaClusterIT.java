package io.presence.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedKafkaClusterIT {

    @Test
    void threeNodesReplicateAndSurviveOneNodeDown() throws Exception {
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(3)) {
            String bootstrap = cluster.bootstrapServers();
            TestClients.createTopic(bootstrap, "it.replicated", 2, (short) 3);
            assertThat(replicaCounts(bootstrap, "it.replicated")).containsOnly(3);

            TestClients.send(bootstrap, "it.replicated", List.of("all-up"));
            cluster.stopNode(2);
            TestClients.send(bootstrap, "it.replicated", List.of("node-2-down"));
            assertThat(TestClients.readValues(bootstrap, "it.replicated", "it.replicated.group", "read_committed", 2))
                    .containsExactlyInAnyOrder("all-up", "node-2-down");

            cluster.startNode(2);
            TestClients.send(bootstrap, "it.replicated", List.of("node-2-back"));
            assertThat(TestClients.readValues(bootstrap, "it.replicated", "it.replicated.group2", "read_committed", 3))
                    .containsExactlyInAnyOrder("all-up", "node-2-down", "node-2-back");
        }
    }

    private static List<Integer> replicaCounts(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            return description.partitions().stream().map(p -> p.replicas().size()).toList();
        }
    }
}
