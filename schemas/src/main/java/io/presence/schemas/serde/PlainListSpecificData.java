package io.presence.schemas.serde;

import java.util.ArrayList;
import java.util.Collection;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.specific.SpecificData;

/**
 * The decoding model: Avro arrays become {@link ArrayList}s. Avro's own {@code GenericData.Array}
 * compares its elements through {@code GenericData}, which knows no logical-type conversions, so a
 * decoded {@code UserStatus} whose devices hold {@code Instant}s would throw from {@code equals}.
 * The generated classes' "custom coders" build that array type themselves, so they are off here.
 */
final class PlainListSpecificData extends SpecificData {

    static final PlainListSpecificData INSTANCE = new PlainListSpecificData();

    private PlainListSpecificData() {
        super(PlainListSpecificData.class.getClassLoader());
        addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        setCustomCoders(false);
    }

    @Override
    public Object newArray(Object old, int size, Schema schema) {
        if (old instanceof Collection<?> reusable) {
            reusable.clear();
            return reusable;
        }
        return new ArrayList<>(size);
    }
}
