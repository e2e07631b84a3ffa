package io.presence.bench.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusQueryClientTest {

    private static final List<String> ASKED = List.of("u1", "u2");

    @Test
    void everyIdAnsweredInOrderAndOnlineIsRight() {
        assertThat(StatusQueryClient.problemWith(200, answer(status("u1", "ONLINE"), status("u2", "ONLINE")), ASKED)).isEmpty();
    }

    @Test
    void anotherOrderIsWrong() {
        assertThat(StatusQueryClient.problemWith(200, answer(status("u2", "ONLINE"), status("u1", "ONLINE")), ASKED))
                .hasValueSatisfying(problem -> assertThat(problem).contains("answer 0 is u2"));
    }

    @Test
    void aUserNotOnlineIsWrong() {
        // every user of the scenario is logged in: UNLOGINED means the answer did not come from the fold's state
        assertThat(StatusQueryClient.problemWith(200, answer(status("u1", "ONLINE"), status("u2", "UNLOGINED")), ASKED))
                .hasValueSatisfying(problem -> assertThat(problem).contains("u2 UNLOGINED"));
    }

    @Test
    void aMissingAnswerIsWrong() {
        assertThat(StatusQueryClient.problemWith(200, answer(status("u1", "ONLINE")), ASKED))
                .hasValueSatisfying(problem -> assertThat(problem).isEqualTo("1 statuses for 2 ids"));
    }

    @Test
    void anErrorIsWrong() {
        assertThat(StatusQueryClient.problemWith(503, "{\"code\":50301,\"message\":\"partition moving\"}", ASKED))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("HTTP 503: ").contains("50301"));
    }

    @Test
    void anUnreadableAnswerIsWrong() {
        assertThat(StatusQueryClient.problemWith(200, "<html>", ASKED))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("unreadable answer"));
    }

    private static String answer(String... statuses) {
        return "{\"statuses\":[" + String.join(",", statuses) + "]}";
    }

    private static String status(String user, String status) {
        return "{\"userId\":\"" + user + "\",\"status\":\"" + status + "\",\"customStatus\":\"\",\"version\":1,"
                + "\"lastChangedAt\":1,\"lastSeenAt\":null,\"devices\":[]}";
    }
}
