package io.promethios.governance.adapters.internal;

import okio.Buffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SseReaderTest {

    @Test
    void parsesEventsCommentsMultiLineDataAndCrLf() throws IOException {
        Buffer source = new Buffer().writeUtf8(": keep-alive\r\nevent: a\r\ndata: one\r\ndata:two\r\n\r\ndata: three\n\nevent: b\ndata: cut");
        List<String> seen = new ArrayList<>();

        boolean stopped = SseReader.read(source, (event, data) -> seen.add(event + "=" + data));

        assertThat(stopped).isFalse();
        assertThat(seen).containsExactly("a=one\ntwo", "message=three"); // the unterminated event is dropped
    }

    @Test
    void listenerCanStop() throws IOException {
        Buffer source = new Buffer().writeUtf8("data: [DONE]\n\ndata: after\n\n");
        List<String> seen = new ArrayList<>();

        assertThat(SseReader.read(source, (e, d) -> seen.add(d) && false)).isTrue();
        assertThat(seen).containsExactly("[DONE]");
    }

    @Test
    void retryAfterUnderstandsSecondsAndHttpDates() {
        Clock clock = Clock.fixed(Instant.parse("2024-11-24T10:00:00Z"), ZoneOffset.UTC);

        assertThat(RetryAfter.parse("120", clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Sun, 24 Nov 2024 10:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sun, 24 Nov 2024 09:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isEqualTo(Optional.empty());
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
    }

    @Test
    void secretsAreScrubbedAndNeverPrinted() {
        Secret s = Secret.of("abc-123-secret", "apiKey");

        assertThat(s.toString()).isEqualTo("****");
        assertThat(s.scrub("key abc-123-secret and sk-proj-AAAABBBBCCCC")).isEqualTo("key **** and sk-****");
    }
}
