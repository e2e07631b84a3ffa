package io.presence.schemas.serde;

import io.presence.schemas.registry.PublicSchemas;
import io.presence.schemas.registry.SchemaRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro values in the Confluent wire format: magic byte 0, 4-byte big-endian schema id, Avro
 * binary. Subjects follow TopicNameStrategy ({@code <topic>-value}). The writer registers the
 * record's public schema once per topic; the reader resolves the writer's schema (by id, once)
 * against the generated class, so records written by newer compatible schemas still decode.
 *
 * <p>Decoding uses Avro's fast reader (built once per writer schema), which Avro only enables for its
 * stock {@code SpecificData} class — about twice the rate of the resolving decoder on our records, and
 * decoding is the largest cost of an audit replay.
 */
public final class AvroWireSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_SIZE = 5;

    static {
        AvroClassTrust.install();
    }

    private static final SpecificData DECODING = decodingModel();

    private final SchemaRegistry registry;
    private final Schema publicSchema;
    private final Schema readerSchema;
    private final SpecificDatumWriter<T> writer;
    private final PlainLists plainLists;
    /** Per topic, the 5 bytes every value starts with: the magic byte and the registered schema's id. */
    private final Map<String, byte[]> headerByTopic = new ConcurrentHashMap<>();
    private final Map<Integer, DatumReader<T>> readerById = new ConcurrentHashMap<>();

    public AvroWireSerde(SchemaRegistry registry, Class<T> type) {
        this.registry = registry;
        this.publicSchema = PublicSchemas.of(type);
        this.readerSchema = SpecificData.get().getSchema(type);
        this.writer = new SpecificDatumWriter<>(readerSchema);
        this.plainLists = PlainLists.forRecord(readerSchema);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        byte[] header = headerByTopic.computeIfAbsent(topic, t -> ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE)
                .putInt(registry.register(SchemaRegistry.valueSubject(t), publicSchema)).array());
        try {
            return AvroOutput.encode(header, encoder -> writer.write(data, encoder));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + readerSchema.getName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < HEADER_SIZE) {
            throw new SerializationException("record on " + topic + " is " + data.length
                    + " bytes, shorter than the 5-byte Confluent wire-format header");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "record on %s starts with byte 0x%02x, not the Confluent wire-format magic byte 0", topic, data[0]));
        }
        int id = ByteBuffer.wrap(data, 1, 4).getInt();
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, HEADER_SIZE, data.length - HEADER_SIZE, null);
            T record = readerFor(id).read(null, decoder);
            plainLists.replaceArrays(record);
            return record;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode " + readerSchema.getName() + " with schema id " + id
                    + " from topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private DatumReader<T> readerFor(int id) {
        return readerById.computeIfAbsent(id, i -> new SpecificDatumReader<>(registry.schemaById(i), readerSchema, DECODING));
    }

    /**
     * Timestamps decode to {@code Instant}s. The generated classes' "custom coders" are off: they
     * apply only when writer and reader schema are equal, so a newer writer would take another path.
     */
    private static SpecificData decodingModel() {
        SpecificData data = new SpecificData(AvroWireSerde.class.getClassLoader());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        data.setCustomCoders(false);
        data.setFastReaderEnabled(true);
        return data;
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // built from the catalogue, not from client configs
    }

    @Override
    public void close() {
        // the registry client is shared and closed by its owner
    }
}
