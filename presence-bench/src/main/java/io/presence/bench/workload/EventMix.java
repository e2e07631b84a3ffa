package io.presence.bench.workload;

/**
 * What a connected device does next, as relative weights. A device that is not logged in always
 * logs in next, and a disconnected one always reconnects (by heartbeat on a new connection or by a
 * new login, half and half), so the overall share of heartbeats is a little below {@code heartbeat}.
 */
public record EventMix(double heartbeat, double disconnect, double logout, double customStatus) {

    /**
     * About 90 % heartbeats overall at 20 events per device: heartbeats dominate a chat gateway's
     * traffic, with occasional network drops, logouts and status changes.
     */
    public static final EventMix REALISTIC = new EventMix(0.950, 0.015, 0.010, 0.025);

    /** The same without custom status, which gateways do not send (clients set it through the API). */
    public static final EventMix GATEWAY = new EventMix(0.975, 0.015, 0.010, 0.0);

    public EventMix {
        if (heartbeat < 0 || disconnect < 0 || logout < 0 || customStatus < 0 || total(heartbeat, disconnect, logout, customStatus) <= 0) {
            throw new IllegalArgumentException("mix weights must be >= 0 and not all 0");
        }
    }

    double total() {
        return total(heartbeat, disconnect, logout, customStatus);
    }

    private static double total(double... weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        return sum;
    }
}
