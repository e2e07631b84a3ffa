package io.presence.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

class AvroOutputTest {

    @Test
    void writesTheHeaderThenTheBody() throws IOException {
        byte[] bytes = AvroOutput.encode(new byte[] {7, 8}, encoder -> encoder.writeString("ab"));

        // "ab": zig-zag length 2 = 4, then the two characters
        assertThat(bytes).containsExactly(7, 8, 4, 'a', 'b');
    }

    @Test
    void aRecordThatFailedHalfWayLeavesNothingInTheNext() throws IOException {
        assertThatThrownBy(() -> AvroOutput.encode(new byte[] {1}, encoder -> {
            encoder.writeString("half written");
            throw new IOException("the record's writer gave up");
        })).isInstanceOf(IOException.class);

        assertThat(AvroOutput.encode(new byte[] {1}, encoder -> encoder.writeInt(3))).containsExactly(1, 6);
    }

    @Test
    void aRecordLargerThanTheEncodersBlockIsWhole() throws IOException {
        byte[] large = new byte[100_000];
        Arrays.fill(large, (byte) 5);

        byte[] bytes = AvroOutput.encode(new byte[0], encoder -> encoder.writeFixed(large));
        byte[] after = AvroOutput.encode(new byte[0], encoder -> encoder.writeFixed(new byte[] {9}));

        assertThat(bytes).isEqualTo(large);
        assertThat(after).containsExactly(9);
    }

    @Test
    void threadsEncodingAtOnceNeverMixTheirRecords() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> writers = IntStream.range(0, 4).<Callable<Boolean>>mapToObj(thread -> () -> {
                for (int i = 0; i < 20_000; i++) {
                    long value = thread * 1_000_000L + i;
                    byte[] bytes = AvroOutput.encode(new byte[] {(byte) thread}, encoder -> encoder.writeLong(value));
                    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 1, bytes.length - 1, null);
                    if (bytes[0] != thread || decoder.readLong() != value || !decoder.isEnd()) {
                        return false;
                    }
                }
                return true;
            }).toList();
            for (Future<Boolean> result : pool.invokeAll(writers)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
