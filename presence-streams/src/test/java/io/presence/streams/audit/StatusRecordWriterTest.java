package io.presence.streams.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.DeviceState;
import io.presence.avro.GeneralStatus;
import io.presence.avro.Platform;
import io.presence.avro.UserStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusRecordWriterTest {

    private final UserStatus alice = new UserStatus("alice", GeneralStatus.ONLINE, "in a \"meeting\", back soon", 3L,
            Instant.parse("2026-11-26T04:00:00Z"), null, List.of(new io.presence.avro.DeviceSession("phone",
            Platform.IOS, DeviceState.CONNECTED, "c1", Instant.parse("2026-11-26T03:59:00Z"), Instant.parse("2026-11-26T04:00:00Z"))));

    @Test
    void R_AUD_1_csvQuotesFreeTextFields() {
        assertThat(written(StatusRecordWriter.Format.CSV)).isEqualTo(
                "userId,status,version,lastChangedAt,lastSeenAt,customStatus,devices\n"
                + "\"alice\",ONLINE,3,2026-11-26T04:00:00Z,,\"in a \"\"meeting\"\", back soon\",\"phone:IOS:CONNECTED\"\n");
    }

    @Test
    void R_AUD_1_jsonIsOneArrayOfRecords() {
        assertThat(written(StatusRecordWriter.Format.JSON)).startsWith("[ {").contains("\"userId\" : \"alice\"",
                "\"lastSeenAt\" : null", "\"deviceId\" : \"phone\"").endsWith("} ]\n");
    }

    @Test
    void R_AUD_1_aUserNeverSeenHasNoLastChangedTimeAsInTheQueryApi() {
        UserStatus nobody = new UserStatus("nobody", GeneralStatus.UNLOGINED, "", 0L, Instant.EPOCH, null, List.of());

        assertThat(written(StatusRecordWriter.Format.CSV, nobody)).endsWith("\"nobody\",UNLOGINED,0,,,\"\",\"\"\n");
        assertThat(written(StatusRecordWriter.Format.JSON, nobody)).contains("\"lastChangedAt\" : null");
        assertThat(written(StatusRecordWriter.Format.TABLE, nobody)).doesNotContain("1970");
    }

    private String written(StatusRecordWriter.Format format) {
        return written(format, alice);
    }

    private static String written(StatusRecordWriter.Format format, UserStatus status) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        StatusRecordWriter writer = StatusRecordWriter.of(format, out);
        writer.begin();
        writer.write(status);
        writer.end();
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
