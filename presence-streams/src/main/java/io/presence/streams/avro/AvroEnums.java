package io.presence.streams.avro;

import io.presence.streams.session.DeviceState;
import io.presence.streams.session.GeneralStatus;
import io.presence.streams.session.Platform;
import java.lang.reflect.Array;

/**
 * The domain enums and their public Avro twins. Constants are paired by name once, then looked up
 * by ordinal: no string work on the fold's hot path, and the two enums may list constants in any order.
 */
final class AvroEnums {

    private static final Platform[] PLATFORMS = byName(io.presence.avro.Platform.values(), Platform.class);
    private static final io.presence.avro.Platform[] AVRO_PLATFORMS =
            byName(Platform.values(), io.presence.avro.Platform.class);
    private static final io.presence.avro.GeneralStatus[] AVRO_STATUSES =
            byName(GeneralStatus.values(), io.presence.avro.GeneralStatus.class);
    private static final io.presence.avro.DeviceState[] AVRO_DEVICE_STATES =
            byName(DeviceState.values(), io.presence.avro.DeviceState.class);

    private AvroEnums() {
    }

    static Platform toDomain(io.presence.avro.Platform platform) {
        return PLATFORMS[platform.ordinal()];
    }

    static io.presence.avro.Platform toAvro(Platform platform) {
        return AVRO_PLATFORMS[platform.ordinal()];
    }

    static io.presence.avro.GeneralStatus toAvro(GeneralStatus status) {
        return AVRO_STATUSES[status.ordinal()];
    }

    static io.presence.avro.DeviceState toAvro(DeviceState state) {
        return AVRO_DEVICE_STATES[state.ordinal()];
    }

    private static <F extends Enum<F>, T extends Enum<T>> T[] byName(F[] from, Class<T> to) {
        @SuppressWarnings("unchecked")
        T[] table = (T[]) Array.newInstance(to, from.length);
        for (F constant : from) {
            table[constant.ordinal()] = Enum.valueOf(to, constant.name());
        }
        return table;
    }
}
