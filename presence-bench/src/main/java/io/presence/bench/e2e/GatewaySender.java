package io.presence.bench.e2e;

import io.presence.bench.ingest.GatewayBatches;
import io.presence.bench.ingest.GatewayClient;
import io.presence.bench.workload.GeneratedEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The contender's input: one tick's changes as one {@code POST /v1/events} batch, stamped with the wall clock as sent. */
final class GatewaySender implements TickSender {

    private final ChangePlan plan;
    private final GatewayClient gateway;

    GatewaySender(ChangePlan plan, GatewayClient gateway) {
        this.plan = plan;
        this.gateway = gateway;
    }

    @Override
    public CompletableFuture<?> send(List<Phase.Change> changes) {
        try {
            long now = System.currentTimeMillis();
            List<GeneratedEvent> events = changes.stream().map(c -> plan.event(c.user(), c.change(), now)).toList();
            return gateway.post(GatewayBatches.render(events, events.size()).get(0), events.size());
        } catch (RuntimeException e) {
            // a paced call must fail through its future: an exception thrown to the pacer would stop every later tick
            return CompletableFuture.failedFuture(e);
        }
    }
}
