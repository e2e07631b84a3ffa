package io.presence.streams.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A private binary format of this application (a store value, an internal topic's value): one
 * format-version byte, then the fields a subclass writes. Nothing outside the application reads
 * these bytes, so they carry no registry id; the version byte is what lets a later release read
 * what an earlier one wrote. To evolve a format: write a new version, keep reading the old one
 * until every changelog and internal topic has been rewritten.
 */
public abstract class VersionedSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final String what;
    private final byte version;

    /** @param what names the format in error messages, e.g. "subscription-ledger value" */
    protected VersionedSerde(String what, byte version) {
        this.what = what;
        this.version = version;
    }

    protected abstract void write(DataOutput out, T value) throws IOException;

    protected abstract T read(DataInput in) throws IOException;

    @Override
    public final byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(version);
            write(out, value);
        } catch (IOException e) {
            throw new SerializationException("cannot encode a " + what, e);
        }
        return bytes.toByteArray();
    }

    @Override
    public final T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length == 0 || data[0] != version) {
            throw new SerializationException(what + " has format version " + (data.length == 0 ? "(none)" : data[0])
                    + "; this build reads version " + version);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 1, data.length - 1))) {
            return read(in);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode a " + what + " of " + data.length + " bytes", e);
        }
    }

    @Override
    public final Serializer<T> serializer() {
        return this;
    }

    @Override
    public final Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public final void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the format is fixed by the version byte
    }

    @Override
    public final void close() {
        // holds no resources
    }
}
