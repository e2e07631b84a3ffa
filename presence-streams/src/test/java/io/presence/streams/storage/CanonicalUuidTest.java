package io.presence.streams.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CanonicalUuidTest {

    @Test
    void everyUuidsTextComesBackFromItsSixteenBytes() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            // any bits, not only version-4 ones: ids are canonical text whatever their version
            String id = new UUID(random.nextLong(), random.nextLong()).toString();

            byte[] bytes = CanonicalUuid.bytesOf(id);

            assertThat(bytes).hasSize(CanonicalUuid.BYTES);
            assertThat(CanonicalUuid.textOf(bytes)).isEqualTo(id);
        }
    }

    @Test
    void textThatWouldNotComeBackAsWrittenIsNotTaken() {
        String id = "3f2c1a8e-9b4d-4e6f-a1c2-7d8e9f0a1b2c";

        assertThat(CanonicalUuid.bytesOf(id.toUpperCase())).isNull();
        assertThat(CanonicalUuid.bytesOf(id.replace("-", ""))).isNull();
        assertThat(CanonicalUuid.bytesOf("3f2c1a8e9-b4d-4e6f-a1c2-7d8e9f0a1b2c")).as("a dash out of place").isNull();
        assertThat(CanonicalUuid.bytesOf(id.substring(0, 35) + "g")).isNull();
        assertThat(CanonicalUuid.bytesOf("1-2-3-4-5")).as("UUID.fromString takes it; its text is another").isNull();
        assertThat(CanonicalUuid.bytesOf("e1")).isNull();
    }
}
