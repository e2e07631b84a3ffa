package io.presence.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real Kafka broker: one {@link EmbeddedKafkaBroker} per test JVM, started on first use and shared by
 * every test class that uses this extension; JUnit closes it when the whole run ends. Tests can take it as a
 * parameter of test methods, constructors and lifecycle methods.
 *
 * <p>Because the broker is shared, tests must use their own topic names and consumer group ids.
 *
 * <pre>{@code
 * @ExtendWith(KafkaBrokerExtension.class)
 * class StatusIT {
 *     @Test
 *     void foldsEvents(EmbeddedKafkaBroker kafka) { ... kafka.bootstrapServers() ... }
 * }
 * }</pre>
 */
public class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // started here rather than at the first injection so the start-up time is not charged to a test method
        broker(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedKafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return broker(extensionContext);
    }

    /**
     * The root context's store lives as long as the test run and closes AutoCloseable values at its end; it is
     * thread-safe, so parallel test classes still share one broker.
     */
    protected static EmbeddedKafkaBroker broker(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(EmbeddedKafkaBroker.class, type -> EmbeddedKafkaBroker.start(), EmbeddedKafkaBroker.class);
    }
}
