package io.presence.deploy;

/** A service that fails as soon as it starts, every time: what {@link HealthWatchTest} supervises. */
public final class ExitsAtOnce {

    private ExitsAtOnce() {
    }

    public static void main(String[] args) {
        System.out.println("started");
        System.exit(2);
    }
}
