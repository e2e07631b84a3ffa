package io.presence.streams.topology;

import io.presence.streams.timeout.DetectorSettings;
import io.presence.streams.timeout.SessionTimeouts;

/** The configuration the topology is built from: the rules' durations and how the detector runs. */
public record TopologySettings(SessionTimeouts timeouts, DetectorSettings detector) {

    public static TopologySettings defaults() {
        return new TopologySettings(SessionTimeouts.defaults(), DetectorSettings.defaults());
    }
}
