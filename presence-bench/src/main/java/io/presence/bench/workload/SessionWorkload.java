package io.presence.bench.workload;

import io.presence.avro.EventType;
import io.presence.avro.Platform;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A deterministic stream of gateway events over a population of users and devices: each step picks
 * a device at random and lets it do what a real one would in its state (log in when logged out,
 * reconnect when disconnected, otherwise mostly heartbeat, per {@link EventMix}). Timestamps
 * increase through the stream, so every device's events are in order, as a gateway writes them.
 *
 * <p>Devices {@code 0..users-1} are every user's first device; devices from {@code users} on are the
 * second device of the first users, so 1.5 devices per user means half the users have two.
 */
public final class SessionWorkload implements EventSource {

    private static final byte LOGGED_OUT = 0;
    private static final byte CONNECTED = 1;
    private static final byte DISCONNECTED = 2;
    private static final String[] CUSTOM_STATUSES = {"In a meeting", "Listening to music", "", "On my way", "Do not disturb"};
    private static final Platform[] PLATFORMS = Platform.values();

    private final Size size;
    private final EventMix mix;
    private final long seed;
    private final long firstTimestamp;
    private final long lastTimestamp;

    /** How many users, devices and events; at most two devices per user. */
    public record Size(int users, int devices, long events) {
        public Size {
            if (users < 1 || devices < users || devices > 2L * users || events < 1) {
                throw new IllegalArgumentException("need users >= 1, users <= devices <= 2 * users, events >= 1; got "
                        + users + " users, " + devices + " devices, " + events + " events");
            }
        }

        /** {@code users} users with 1.5 devices each and {@code eventsPerDevice} events per device. */
        public static Size of(int users, int eventsPerDevice) {
            int devices = users + users / 2;
            return new Size(users, devices, (long) devices * eventsPerDevice);
        }
    }

    public SessionWorkload(Size size, EventMix mix, long seed, long firstTimestamp, long lastTimestamp) {
        this.size = size;
        this.mix = mix;
        this.seed = seed;
        this.firstTimestamp = firstTimestamp;
        this.lastTimestamp = lastTimestamp;
    }

    public Size size() {
        return size;
    }

    public static String userId(int user) {
        return "user-" + user;
    }

    @Override
    public long count() {
        return size.events();
    }

    @Override
    public void generate(Consumer<GeneratedEvent> sink) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] states = new byte[size.devices()];
        int[] connections = new int[size.devices()];
        double span = lastTimestamp - firstTimestamp;
        for (long i = 0; i < size.events(); i++) {
            long timestamp = firstTimestamp + (long) (span * i / size.events());
            int device = random.nextInt(size.devices());
            sink.accept(next(device, states, connections, timestamp, random));
        }
    }

    private GeneratedEvent next(int device, byte[] states, int[] connections, long timestamp, SplittableRandom random) {
        String user = userId(device < size.users() ? device : device - size.users());
        String deviceId = device < size.users() ? "dev-0" : "dev-1";
        switch (states[device]) {
            case LOGGED_OUT -> {
                states[device] = CONNECTED;
                return login(device, user, deviceId, ++connections[device], timestamp);
            }
            case DISCONNECTED -> {
                states[device] = CONNECTED;
                int connection = ++connections[device];
                // R-SES-2: a heartbeat on a new connection reconnects a disconnected device, as a login does
                return random.nextBoolean() ? login(device, user, deviceId, connection, timestamp)
                        : onConnection(EventType.HEARTBEAT, user, deviceId, device, connection, timestamp);
            }
            default -> {
                return whileConnected(device, user, deviceId, states, connections[device], timestamp, random);
            }
        }
    }

    private GeneratedEvent whileConnected(int device, String user, String deviceId, byte[] states, int connection,
                                          long timestamp, SplittableRandom random) {
        double pick = random.nextDouble() * mix.total();
        if (pick < mix.heartbeat()) {
            return onConnection(EventType.HEARTBEAT, user, deviceId, device, connection, timestamp);
        }
        pick -= mix.heartbeat();
        if (pick < mix.disconnect()) {
            states[device] = DISCONNECTED;
            return onConnection(EventType.DISCONNECT, user, deviceId, device, connection, timestamp);
        }
        pick -= mix.disconnect();
        if (pick < mix.logout()) {
            states[device] = LOGGED_OUT;
            return new GeneratedEvent(EventType.LOGOUT, user, deviceId, null, null, null, timestamp);
        }
        String text = CUSTOM_STATUSES[random.nextInt(CUSTOM_STATUSES.length)];
        return new GeneratedEvent(EventType.SET_CUSTOM_STATUS, user, null, null, null, text, timestamp);
    }

    private static GeneratedEvent login(int device, String user, String deviceId, int connection, long timestamp) {
        return new GeneratedEvent(EventType.LOGIN, user, deviceId, connectionId(device, connection),
                PLATFORMS[device % PLATFORMS.length], null, timestamp);
    }

    private static GeneratedEvent onConnection(EventType type, String user, String deviceId, int device, int connection,
                                               long timestamp) {
        return new GeneratedEvent(type, user, deviceId, connectionId(device, connection), null, null, timestamp);
    }

    private static String connectionId(int device, int connection) {
        return "conn-" + device + "-" + connection;
    }
}
