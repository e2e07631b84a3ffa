package io.presence.streams.input;

import io.presence.avro.SubscriptionCommand;
import io.presence.avro.SubscriptionCommandType;
import io.presence.http.IdRules;
import java.util.List;
import java.util.Optional;

/**
 * Whether a decoded {@code SubscriptionCommand} may reach the subscription ledger: valid ids, a
 * record key equal to the subscriber (the key decides which task keeps the list), no target that
 * is the subscriber itself (R-SUB-1), at least one target to SUBSCRIBE to and none on a CLEAR.
 *
 * <p>An UNSUBSCRIBE without targets is valid: R-SUB-3 says an empty list clears them all. An
 * unknown command type never gets here — Avro cannot decode a symbol the reader's enum lacks, so
 * such a record is dead-lettered as undecodable.
 */
public final class SubscriptionCommandValidator {

    private SubscriptionCommandValidator() {
    }

    /**
     * The first rule the command breaks, as a message naming the field; empty when valid.
     *
     * @param recordTimestamp the Kafka timestamp of the record that carries it
     */
    public static Optional<String> problemWith(String key, SubscriptionCommand command, long recordTimestamp) {
        if (command == null) {
            return Optional.of("record has no value (a tombstone); presence.subscriptions is not compacted");
        }
        String problem = Envelope.problemWith(command.getEventId(), command.getSource(), command.getTimestamp(), recordTimestamp);
        if (problem == null) {
            problem = subscriberProblem(key, command.getSubscriberId());
        }
        if (problem == null) {
            problem = targetsProblem(command);
        }
        return Optional.ofNullable(problem);
    }

    private static String subscriberProblem(String key, String subscriberId) {
        if (!IdRules.isValidId(subscriberId)) {
            return "subscriberId must be 1-" + IdRules.MAX_ID_LENGTH + " characters of [A-Za-z0-9_.@-]";
        }
        return subscriberId.equals(key) ? null : "record key must equal subscriberId";
    }

    private static String targetsProblem(SubscriptionCommand command) {
        List<String> targets = command.getTargetIds();
        if (targets == null) {
            return "targetIds is required (empty for CLEAR)";
        }
        if (command.getType() == SubscriptionCommandType.SUBSCRIBE && targets.isEmpty()) {
            return "targetIds must name at least one user for SUBSCRIBE";
        }
        if (command.getType() == SubscriptionCommandType.CLEAR && !targets.isEmpty()) {
            return "targetIds must be empty for CLEAR, had " + targets.size();
        }
        for (int i = 0; i < targets.size(); i++) {
            if (!IdRules.isValidId(targets.get(i))) {
                return "targetIds[" + i + "] must be 1-" + IdRules.MAX_ID_LENGTH + " characters of [A-Za-z0-9_.@-]";
            }
            if (targets.get(i).equals(command.getSubscriberId())) {
                return "targetIds[" + i + "] is the subscriber; a user cannot subscribe to itself";
            }
        }
        return null;
    }
}
