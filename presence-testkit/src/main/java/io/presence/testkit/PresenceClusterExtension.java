package io.presence.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * Gives tests the whole platform under the services: one {@link PresenceCluster} (broker,
 * schema registry, topics, public schemas) per test JVM, on the broker that
 * {@link KafkaBrokerExtension} shares. Injects {@link PresenceCluster} and {@link EmbeddedKafkaBroker}.
 *
 * <p>The cluster is shared: tests use their own user ids, consumer groups and application ids.
 *
 * <pre>{@code
 * @ExtendWith(PresenceClusterExtension.class)
 * class IngestIT {
 *     @Test
 *     void writesEvents(PresenceCluster cluster) { ... cluster.topics().events() ... }
 * }
 * }</pre>
 */
public class PresenceClusterExtension extends KafkaBrokerExtension {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PresenceClusterExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PresenceCluster.class
                || super.supportsParameter(parameterContext, extensionContext);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (parameterContext.getParameter().getType() == PresenceCluster.class) {
            return cluster(extensionContext);
        }
        return super.resolveParameter(parameterContext, extensionContext);
    }

    // stored after the broker in the same root store, so JUnit closes it (the registry) before the broker
    protected static PresenceCluster cluster(ExtensionContext context) {
        EmbeddedKafkaBroker broker = broker(context);
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(PresenceCluster.class, type -> PresenceCluster.start(broker), PresenceCluster.class);
    }
}
