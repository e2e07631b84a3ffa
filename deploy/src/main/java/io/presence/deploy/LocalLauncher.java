package io.presence.deploy;

import com.typesafe.config.ConfigException;
import io.presence.config.PresenceConfigLoader;
import io.presence.schemas.registry.PublicSchemas;
import io.presence.schemas.registry.SchemaRegistryClient;
import io.presence.schemas.topics.TopicBootstrapper;
import io.presence.schemas.topics.Topics;
import io.presence.testkit.KafkaBrokerProcess;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/presence-local}: the whole system on this machine — a Kafka broker (KRaft) as a child
 * process, the schema registry, the services built so far, the topics and schemas — plus a demo.
 * Ctrl-C stops everything in reverse order; the data directory keeps state across restarts.
 */
@Command(name = "presence-local", mixinStandardHelpOptions = true,
        description = "Starts Kafka, the schema registry and the presence services on this machine.")
public final class LocalLauncher implements Callable<Integer> {

    private static final Duration HEALTH_CHECKS = Duration.ofSeconds(5);

    @Option(names = "--no-demo", description = "Start the system only; skip the demo.")
    boolean noDemo;

    private static final String TRY_IT_USER = "dave";
    private static final Duration TRY_IT_TOKEN_VALIDITY = Duration.ofHours(24);

    private final PrintStream out = System.out;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final List<ChildService> services = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalLauncher()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        LocalRunConfig config;
        try {
            config = LocalRunConfig.from(PresenceConfigLoader.load());
        } catch (ConfigException e) {
            System.err.println("cannot start: " + e.getMessage());
            return 1;
        }
        List<String> taken = PortsInUse.among(wantedPorts(config));
        if (!taken.isEmpty()) {
            System.err.println("cannot start: port " + String.join(", port ", taken)
                    + " already in use. Is another presence-local running? Stop it, or free the port.");
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "presence-local-stop"));
        try {
            start(config);
        } catch (RuntimeException e) {
            System.err.println("cannot start: " + e.getMessage());
            stopAll();
            return 1;
        }
        stopped.await();
        return 0;
    }

    private void start(LocalRunConfig config) throws Exception {
        Path dataDir = Files.createDirectories(config.dataDir());
        Path logs = dataDir.resolve("logs");
        LocalSecrets secrets = LocalSecrets.resolve(dataDir, config.authSecret(), config.gatewayApiKeys());

        out.println("starting Kafka (KRaft) on " + config.bootstrap() + " …");
        KafkaBrokerProcess broker = KafkaBrokerProcess.builder(dataDir)
                .port(config.kafkaPort()).controllerPort(config.kafkaControllerPort()).shutdownOrderedByCaller().start();
        running.push(broker);

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.bootstrap()))) {
            List<String> created = new TopicBootstrapper(admin, Duration.ofSeconds(30)).ensure(config.topics().presenceTopics());
            out.println("topics ready" + (created.isEmpty() ? "" : " (created " + String.join(", ", created) + ")"));
        }

        Map<String, String> env = childEnvironment(config, secrets);
        ChildService registry = startChild("schema-registry", "io.presence.registry.RegistryMain", config.registryPort(), env, logs, config);

        SchemaRegistryClient registryClient = new SchemaRegistryClient(config.registryUrl());
        Map<String, Integer> ids = PublicSchemas.registerAll(registryClient);
        out.println("schemas registered: " + ids);
        startChild("ingest", "io.presence.ingest.IngestMain", config.ingestPort(), env, logs, config);
        Map<String, String> streamsEnv = new LinkedHashMap<>(env);
        if (!noDemo) {
            // a timeout the demo can show in seconds; --no-demo keeps presence.heartbeat.timeout
            streamsEnv.put("PRESENCE_HEARTBEAT_TIMEOUT", config.demoHeartbeatTimeout().toMillis() + "ms");
        }
        // one instance, the same after a restart: back in the group at once when the launcher restarts it
        streamsEnv.put("PRESENCE_STREAMS_INSTANCE_ID", "presence-streams-local");
        // a standby needs a second instance to live on; asked for here, Kafka Streams warns at every rebalance
        streamsEnv.put("PRESENCE_STREAMS_NUM_STANDBY_REPLICAS", "0");
        startChild("streams", "io.presence.streams.app.StreamsMain", config.streamsPort(), streamsEnv, logs, config);
        startChild("notifier", "io.presence.notifier.app.NotifierMain", config.notifierPort(), env, logs, config);

        printSummary(config, secrets, registry, logs);
        if (!noDemo) {
            runDemo(config, secrets, new Topics(config.topics(), registryClient));
        }
        // pushed last, so stopping closes it before any service it would report as gone
        running.push(HealthWatch.every(HEALTH_CHECKS, services, out));
        out.println();
        out.println("running; press Ctrl-C to stop");
    }

    private void runDemo(LocalRunConfig config, LocalSecrets secrets, Topics topics) throws Exception {
        ClientTokens tokens = new ClientTokens(secrets.authSecret());
        Demo demo = new Demo("http://localhost:" + config.ingestPort(), "http://localhost:" + config.streamsPort(),
                secrets.gatewayApiKey(), tokens, config.bootstrap(), topics.events(), out);
        demo.subscribe();
        // ready=true: the demo writes its first event only once the socket is served, so it misses none
        URI notifications = URI.create("ws://localhost:" + config.notifierPort() + "/v1/notifications?ready=true");
        try (NotificationSocketWatch socket = NotificationSocketWatch.open(notifications, Demo.SUBSCRIBER, tokens.bearer(Demo.SUBSCRIBER));
             StatusChangesWatch changes = StatusChangesWatch.fromNow(config.bootstrap(), topics.statusChanges())) {
            demo.run();
            changes.printUntilExpired(out, Demo.USERS, "bob", config.demoHeartbeatTimeout());
            // bob's OFFLINE is fanned out and delivered moments after the status change above
            socket.printUntilOffline(out, "bob", Duration.ofSeconds(10));
        }
    }

    private ChildService startChild(String name, String mainClass, int port, Map<String, String> env,
                                    Path logs, LocalRunConfig config) throws Exception {
        out.println("starting " + name + " on port " + port + " …");
        ChildService child = ChildService.start(name, mainClass, port, env, logs);
        running.push(child);
        services.add(child);
        child.awaitReady(config.startTimeout());
        return child;
    }

    // children get the effective configuration explicitly, so they agree with the launcher
    private static Map<String, String> childEnvironment(LocalRunConfig config, LocalSecrets secrets) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PRESENCE_KAFKA_BOOTSTRAP", config.bootstrap());
        env.put("PRESENCE_SCHEMA_REGISTRY_URL", config.registryUrl());
        env.put("PRESENCE_SCHEMA_REGISTRY_PORT", Integer.toString(config.registryPort()));
        env.put("PRESENCE_INGEST_PORT", Integer.toString(config.ingestPort()));
        env.put("PRESENCE_STREAMS_PORT", Integer.toString(config.streamsPort()));
        env.put("PRESENCE_NOTIFIER_PORT", Integer.toString(config.notifierPort()));
        // what a notifier names when it redirects a socket to the instance serving its user
        env.put("PRESENCE_NOTIFIER_ADVERTISED_URL", "ws://localhost:" + config.notifierPort());
        env.put("PRESENCE_DATA_DIR", config.dataDir().toString());
        env.put("PRESENCE_AUTH_SECRET", secrets.authSecret());
        env.put("PRESENCE_GATEWAY_API_KEYS", secrets.gatewayApiKey());
        return env;
    }

    private static Map<Integer, String> wantedPorts(LocalRunConfig config) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(config.kafkaPort(), "Kafka");
        ports.put(config.kafkaControllerPort(), "Kafka controller");
        ports.put(config.registryPort(), "schema registry");
        ports.put(config.ingestPort(), "ingest");
        ports.put(config.streamsPort(), "streams");
        ports.put(config.notifierPort(), "notifier");
        return ports;
    }

    private void printSummary(LocalRunConfig config, LocalSecrets secrets, ChildService registry, Path logs) {
        out.println();
        out.println("presence is up:");
        out.printf("  %-16s %s%n", "Kafka", config.bootstrap());
        out.printf("  %-16s %s  (log %s)%n", "schema registry", config.registryUrl(), registry.logFile());
        out.printf("  %-16s %s  (log %s, API at /openapi.json)%n", "ingest", "http://localhost:" + config.ingestPort(),
                logs.resolve("ingest.log"));
        out.printf("  %-16s %s  (log %s, API at /openapi.json)%n", "streams", "http://localhost:" + config.streamsPort(),
                logs.resolve("streams.log"));
        out.printf("  %-16s %s  (log %s; WebSocket /v1/notifications?access_token=<JWT>)%n", "notifier",
                "ws://localhost:" + config.notifierPort(), logs.resolve("notifier.log"));
        out.printf("  %-16s %s%n", "data dir", config.dataDir());
        out.printf("  %-16s %s%n", "logs", logs);
        out.printf("  %-16s %s%n", "auth secret", secrets.authSecret() + "   (PRESENCE_AUTH_SECRET; signs client JWTs, HS256)");
        out.printf("  %-16s %s%n", "gateway API key", secrets.gatewayApiKey() + "   (PRESENCE_GATEWAY_API_KEYS; X-Api-Key)");
        printTryIt(config, secrets);
    }

    /** Calls to paste, with a token already signed: trying the API should not start with minting a JWT. */
    private void printTryIt(LocalRunConfig config, LocalSecrets secrets) {
        String token = new ClientTokens(secrets.authSecret()).token(TRY_IT_USER, TRY_IT_TOKEN_VALIDITY);
        out.println();
        out.println("try it (a client token for " + TRY_IT_USER + ", valid " + TRY_IT_TOKEN_VALIDITY.toHours() + " h):");
        out.println("  TOKEN=" + token);
        out.println("  curl -s -X POST http://localhost:" + config.ingestPort() + "/v1/events -H 'X-Api-Key: "
                + secrets.gatewayApiKey() + "' -H 'Content-Type: application/json' \\");
        out.println("    -d '{\"events\":[{\"type\":\"LOGIN\",\"userId\":\"" + TRY_IT_USER
                + "\",\"deviceId\":\"d1\",\"connectionId\":\"c1\",\"platform\":\"WEB\"}]}'");
        out.println("  curl -s -X POST http://localhost:" + config.streamsPort() + "/v1/status:query -H \"Authorization: Bearer $TOKEN\""
                + " -H 'Content-Type: application/json' -d '{\"userIds\":[\"" + TRY_IT_USER + "\"]}'");
        out.println("  WebSocket: ws://localhost:" + config.notifierPort() + "/v1/notifications?access_token=$TOKEN");
        out.println("  from the log: bin/presence-audit history --user " + TRY_IT_USER + "   (also: notifications --recipient "
                + TRY_IT_USER + ", status-at, verify, dead-letters)");
    }

    private synchronized void stopAll() {
        if (stopped.getCount() == 0) {
            return;
        }
        if (!running.isEmpty()) {
            out.println();
            out.println("stopping …");
        }
        while (!running.isEmpty()) {
            AutoCloseable component = running.pop();
            try {
                component.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
        out.println("stopped");
        stopped.countDown();
    }
}
