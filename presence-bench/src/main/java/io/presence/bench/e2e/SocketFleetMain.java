package io.presence.bench.e2e;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The socket fleet, run by the bench as a child JVM: one WebSocket per user of the plan on
 * {@code GET /v1/notifications} (JDK client, token in the Authorization header, signed with the
 * secret in {@value #SECRET_ENV}), opened a bounded number at a time, each awaited until the server
 * says {@code ready}. It reports on stdout ({@link FleetLine}) until its stdin closes, then aborts
 * the sockets and exits.
 *
 * <p>A child of its own because each socket is an open file on both ends: in one process, 10 000
 * sockets would need 20 000 descriptors plus everything else, more than a default hard limit allows.
 *
 * <p>{@code SocketFleetMain <ws-url> <user-prefix> <users>}
 */
public final class SocketFleetMain {

    static final String SECRET_ENV = "PRESENCE_BENCH_FLEET_SECRET";
    private static final int OPENING_AT_ONCE = 64;
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);
    private static final int PROGRESS_EVERY = 1_000;

    private SocketFleetMain() {
    }

    public static void main(String[] args) throws Exception {
        FleetOutput out = new FleetOutput(System.out);
        out.write(new FleetLine.Clock(System.nanoTime()));
        List<WebSocket> sockets = new ArrayList<>();
        try {
            ChangePlan plan = new ChangePlan(args[1], Integer.parseInt(args[2]));
            FdBudget.require(plan.users(), "the socket fleet");
            sockets = open(URI.create(args[0]), plan, Algorithm.HMAC256(System.getenv(SECRET_ENV)), out);
            out.write(new FleetLine.AllReady(sockets.size()));
            while (System.in.read() >= 0) {
                // the bench closes our stdin when it is done with the sockets
            }
        } catch (Exception e) {
            out.write(new FleetLine.Failed(e.toString()));
        } finally {
            sockets.forEach(WebSocket::abort);
            out.close();
        }
        System.exit(0);
    }

    private static List<WebSocket> open(URI uri, ChangePlan plan, Algorithm signer, FleetOutput out) throws Exception {
        // Listeners run on the client's selector thread, as they did before JDK-8268294 moved them to the
        // executor: ours never block (they stamp and enqueue), and the default pool's hand-off per frame
        // doubled the fleet's CPU (≈ 30 µs a frame, a quarter of a core at 10 000 frames/s taken from the
        // contender on this machine) and stamped frames only after a thread wake-up.
        // One client has one selector thread, which reads every socket in turn: the last frame of a burst
        // would be stamped only after every other one was read and decoded, a queue of the fleet's own
        // that devices, each reading its own socket, do not have. One client per core reads in parallel.
        HttpClient[] clients = new HttpClient[Runtime.getRuntime().availableProcessors()];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = HttpClient.newBuilder().connectTimeout(OPEN_TIMEOUT).executor(Runnable::run).build();
        }
        Semaphore opening = new Semaphore(OPENING_AT_ONCE);
        AtomicInteger ready = new AtomicInteger();
        List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
        for (int user = 0; user < plan.users(); user++) {
            if (!opening.tryAcquire(OPEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("no socket got ready within " + OPEN_TIMEOUT + "; " + ready.get() + " are");
            }
            String userId = plan.userId(user);
            String token = JWT.create().withSubject(userId).withExpiresAt(Instant.now().plus(Duration.ofHours(6))).sign(signer);
            FleetSocketListener listener = new FleetSocketListener(userId, out, () -> {
                opening.release();
                int count = ready.incrementAndGet();
                if (count % PROGRESS_EVERY == 0) {
                    out.write(new FleetLine.Ready(count));
                }
            });
            pending.add(clients[user % clients.length].newWebSocketBuilder().header("Authorization", "Bearer " + token).buildAsync(uri, listener)
                    .whenComplete((socket, error) -> {
                        if (error != null) {
                            out.write(new FleetLine.Failed("cannot open the socket of " + userId + ": " + error));
                        }
                    }));
        }
        if (!opening.tryAcquire(OPENING_AT_ONCE, OPEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + ready.get() + " of " + plan.users() + " sockets got ready within " + OPEN_TIMEOUT);
        }
        List<WebSocket> sockets = new ArrayList<>();
        for (CompletableFuture<WebSocket> socket : pending) {
            sockets.add(socket.join());
        }
        return sockets;
    }
}
