package io.presence.streams.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.streams.session.SessionEvent.Disconnect;
import io.presence.streams.session.SessionEvent.Heartbeat;
import io.presence.streams.session.SessionEvent.Login;
import io.presence.streams.session.SessionEvent.Logout;
import io.presence.streams.session.SessionEvent.SetCustomStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random interleavings of one user's events across 1–3 devices and several connections, with
 * duplicates, late events and expiry proposals taken from the state at some earlier point
 * (some of them stale by the time they are folded).
 */
class StatusFoldProperties {

    private static final String USER = UserTimeline.USER;
    private static final String[] CUSTOM_TEXTS = {"", "busy", "Listening to music"};

    enum Kind { LOGIN, HEARTBEAT, DISCONNECT, LOGOUT, SET_CUSTOM_STATUS, EXPIRE_HEARTBEAT, EXPIRE_SESSION, REDELIVER }

    /**
     * One generated step. {@code advance} moves the writers' clock; {@code lateBy} stamps the
     * event that much before it, so it arrives out of order; {@code pick} chooses the connection,
     * the custom text, the earlier event to redeliver, or how old a state a proposal reads.
     */
    record Step(Kind kind, int device, int pick, int advance, int lateBy) {
    }

    @Property
    void generalStatusIsAlwaysDerivedFromTheDeviceSessions(@ForAll("histories") List<Step> steps) {
        for (FoldResult result : foldAll(materialize(steps))) {
            assertThat(result.state().status()).isEqualTo(spec1Status(result.state().devices()));
        }
    }

    @Property
    void customStatusIsEmptyWheneverTheUserIsNotOnline(@ForAll("histories") List<Step> steps) {
        for (FoldResult result : foldAll(materialize(steps))) {
            if (result.state().status() != GeneralStatus.ONLINE) {
                assertThat(result.state().customStatus()).isEmpty();
            }
        }
    }

    @Property
    void versionGrowsByExactlyOnePerTransition(@ForAll("histories") List<Step> steps) {
        for (FoldResult result : foldAll(materialize(steps))) {
            long expected = result.previous().version() + (result.transition().isPresent() ? 1 : 0);
            assertThat(result.state().version()).isEqualTo(expected);
            result.transition().ifPresent(t -> assertThat(t.current().lastChangedAt()).isEqualTo(t.at()));
        }
    }

    @Property
    void lastSeenAtIsSetExactlyFromTheFirstTimeTheUserLeavesOnline(@ForAll("histories") List<Step> steps) {
        boolean hasLeftOnline = false;
        for (FoldResult result : foldAll(materialize(steps))) {
            hasLeftOnline |= result.previous().status() == GeneralStatus.ONLINE
                    && result.state().status() != GeneralStatus.ONLINE;
            assertThat(result.state().lastSeenAt() != null).isEqualTo(hasLeftOnline);
        }
    }

    @Property
    void anEventAppliedOnceIsNeverAppliedAgain(@ForAll("histories") List<Step> steps) {
        Set<String> applied = new HashSet<>();
        for (FoldResult result : foldAll(materialize(steps))) {
            if (result.outcome() == FoldOutcome.APPLIED_CHANGE || result.outcome() == FoldOutcome.NO_CHANGE) {
                SessionEvent e = result.cause();
                String identity = e.eventId() + "@" + e.timestamp() + ":" + e.getClass().getSimpleName();
                assertThat(applied.add(identity)).as("applied twice: %s", e).isTrue();
            }
        }
    }

    /** What lets {@link FoldResult#stateChanged()} compare by identity, not walk both states on every event. */
    @Property
    void theFoldHandsBackTheSameStateExactlyWhenNothingChanged(@ForAll("histories") List<Step> steps) {
        for (FoldResult result : foldAll(materialize(steps))) {
            assertThat(result.state() == result.previous()).as("%s after %s", result.outcome(), result.cause())
                    .isEqualTo(result.state().equals(result.previous()));
        }
    }

    @Property
    void replayingTheSameEventsGivesTheSameTransitions(@ForAll("histories") List<Step> steps) {
        List<SessionEvent> events = materialize(steps);

        assertThat(foldAll(events)).isEqualTo(foldAll(List.copyOf(events)));
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Kind.LOGIN)),
                Tuple.of(10, Arbitraries.just(Kind.HEARTBEAT)),
                Tuple.of(5, Arbitraries.just(Kind.DISCONNECT)),
                Tuple.of(2, Arbitraries.just(Kind.LOGOUT)),
                Tuple.of(4, Arbitraries.just(Kind.SET_CUSTOM_STATUS)),
                Tuple.of(3, Arbitraries.just(Kind.EXPIRE_HEARTBEAT)),
                Tuple.of(2, Arbitraries.just(Kind.EXPIRE_SESSION)),
                Tuple.of(4, Arbitraries.just(Kind.REDELIVER)));
        Arbitrary<Integer> lateBy = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(1, 300)));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 99),
                        Arbitraries.integers().between(0, 200), lateBy)
                .as(Step::new)
                .list().ofMinSize(1).ofMaxSize(60);
    }

    /**
     * Turns steps into events. Expiry proposals read the state as folded at some point so far, like
     * the detector: mostly the latest state, otherwise an earlier one, as if the proposal had lost
     * a race with the events since.
     */
    private static List<SessionEvent> materialize(List<Step> steps) {
        List<SessionEvent> events = new ArrayList<>();
        List<UserPresence> states = new ArrayList<>(List.of(UserPresence.unknown(USER)));
        long clock = 1_000;
        for (Step step : steps) {
            clock += step.advance();
            UserPresence seen = step.pick() < 50 ? states.get(states.size() - 1) : states.get(step.pick() % states.size());
            SessionEvent event = eventFor(step, clock, "e" + (events.size() + 1), seen, events);
            if (event != null) {
                events.add(event);
                states.add(StatusFold.evolve(states.get(states.size() - 1), event).state());
            }
        }
        return events;
    }

    private static SessionEvent eventFor(Step step, long clock, String id, UserPresence seen, List<SessionEvent> earlier) {
        long at = clock - step.lateBy();
        String device = "d" + step.device();
        Optional<DeviceSession> seenDevice = seen.device(device);
        // Mostly the connection the device is on, so that heartbeats and disconnects often matter.
        String connection = step.pick() < 60 && seenDevice.isPresent()
                ? seenDevice.get().connectionId() : "c" + (step.pick() % 4);
        switch (step.kind()) {
            case LOGIN:
                return new Login(id, at, "gw", USER, device, "c" + (step.pick() % 4), Platform.values()[step.pick() % 7]);
            case HEARTBEAT:
                return new Heartbeat(id, at, "gw", USER, device, connection);
            case DISCONNECT:
                return new Disconnect(id, at, "gw", USER, device, connection);
            case LOGOUT:
                return new Logout(id, at, "gw", USER, device);
            case SET_CUSTOM_STATUS:
                return new SetCustomStatus(id, at, "ingest", USER, CUSTOM_TEXTS[step.pick() % CUSTOM_TEXTS.length]);
            case EXPIRE_HEARTBEAT:
                return seenDevice.map(d -> ExpiryProposals.heartbeatExpired(USER, d, clock, "detector")).orElse(null);
            case EXPIRE_SESSION:
                return seenDevice.map(d -> ExpiryProposals.sessionExpired(USER, d, clock, "detector")).orElse(null);
            default:
                return earlier.isEmpty() ? null : earlier.get(step.pick() % earlier.size());
        }
    }

    private static List<FoldResult> foldAll(List<SessionEvent> events) {
        List<FoldResult> results = new ArrayList<>();
        UserPresence state = UserPresence.unknown(USER);
        for (SessionEvent event : events) {
            FoldResult result = StatusFold.evolve(state, event);
            results.add(result);
            state = result.state();
        }
        return results;
    }

    /** SPEC §1, written out again here so the property does not test the fold against itself. */
    private static GeneralStatus spec1Status(List<DeviceSession> devices) {
        if (devices.stream().anyMatch(d -> d.state() == DeviceState.CONNECTED)) {
            return GeneralStatus.ONLINE;
        }
        return devices.isEmpty() ? GeneralStatus.UNLOGINED : GeneralStatus.OFFLINE;
    }
}
