package io.presence.registry.catalog;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** Checks a candidate schema against a subject's previous versions at a compatibility level. */
public final class CompatibilityChecker {

    /**
     * @param previous the live versions to check against, oldest first; a non-transitive level only
     *                 looks at the last one
     */
    public CompatibilityResult check(Schema candidate, List<VersionedSchema> previous, CompatibilityLevel level) {
        List<String> messages = new ArrayList<>();
        for (VersionedSchema old : against(previous, level)) {
            if (level.newReadsOld()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old.schema()),
                        "the new schema cannot read data written with version " + old.version(), messages);
            }
            if (level.oldReadsNew()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(old.schema(), candidate),
                        "version " + old.version() + " cannot read data written with the new schema", messages);
            }
        }
        return new CompatibilityResult(messages);
    }

    private static List<VersionedSchema> against(List<VersionedSchema> previous, CompatibilityLevel level) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return List.of();
        }
        return level.transitive() ? previous : List.of(previous.get(previous.size() - 1));
    }

    private static void describe(SchemaPairCompatibility pair, String direction, List<String> messages) {
        if (pair.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
            messages.add(direction + ": " + incompatibility.getType() + " at " + incompatibility.getLocation()
                    + " (" + incompatibility.getMessage() + ")");
        }
    }
}
