package io.presence.schemas.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

/**
 * Turns the arrays of a decoded record into {@link ArrayList}s, in place. Avro builds its own
 * {@code GenericData.Array}, which compares its elements through {@code GenericData} — a model that
 * knows no logical-type conversions — so a decoded {@code UserStatus} whose devices hold
 * {@code Instant}s would throw from {@code equals}. Avro's fast reader makes those arrays itself and
 * is used only with the stock {@code SpecificData} class, not a subclass that could make other
 * arrays; so the arrays are swapped after reading. The plan is worked out once per reader schema:
 * per record, only the fields that can hold an array, directly or inside a nested record.
 */
final class PlainLists {

    /** A record schema's fields that can hold an array, by position, with the plan for what they hold. */
    private final Map<Integer, PlainLists> fields = new HashMap<>();

    private PlainLists() {
    }

    static PlainLists forRecord(Schema record) {
        PlainLists plan = planOf(record, new HashMap<>());
        return plan == null ? new PlainLists() : plan;
    }

    private static PlainLists planOf(Schema record, Map<String, PlainLists> planned) {
        PlainLists known = planned.get(record.getFullName());
        if (known != null) {
            return known;
        }
        PlainLists plan = new PlainLists();
        planned.put(record.getFullName(), plan);
        for (Schema.Field field : record.getFields()) {
            PlainLists inner = planOfValue(field.schema(), planned);
            if (inner != null) {
                plan.fields.put(field.pos(), inner);
            }
        }
        return plan.fields.isEmpty() ? null : plan;
    }

    /** The plan for a value of {@code schema}; null when it can hold no array. */
    private static PlainLists planOfValue(Schema schema, Map<String, PlainLists> planned) {
        return switch (schema.getType()) {
            case ARRAY -> {
                PlainLists items = planOfValue(schema.getElementType(), planned);
                yield items == null ? new PlainLists() : items;
            }
            case RECORD -> planOf(schema, planned);
            case UNION -> schema.getTypes().stream().map(branch -> planOfValue(branch, planned))
                    .filter(p -> p != null).findFirst().orElse(null);
            default -> null;
        };
    }

    /** Replaces, in place, every Avro array {@code record} holds where this plan says one can be. */
    void replaceArrays(IndexedRecord record) {
        for (Map.Entry<Integer, PlainLists> field : fields.entrySet()) {
            int pos = field.getKey();
            Object value = record.get(pos);
            if (value instanceof GenericData.Array<?> array) {
                List<Object> plain = new ArrayList<>(array);
                plain.forEach(item -> field.getValue().replaceArraysOf(item));
                record.put(pos, plain);
            } else {
                field.getValue().replaceArraysOf(value);
            }
        }
    }

    private void replaceArraysOf(Object value) {
        if (value instanceof IndexedRecord nested && !fields.isEmpty()) {
            replaceArrays(nested);
        }
    }
}
