package io.promethios.governance.policies.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetReaderTest {

    @Test
    void csvWithQuotedMultiLineFieldsAndCrlf() {
        String csv = "id,text,label\r\n1,\"hello, \"\"world\"\"\r\nsecond line\",pos\r\n2,plain,neg\r\n";
        List<Map<String, Object>> rows = DatasetReader.csv(csv, "t.csv");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("text")).isEqualTo("hello, \"world\"\r\nsecond line");
        assertThat(rows.get(1).get("label")).isEqualTo("neg");
    }

    @Test
    void malformedInputsSayWhere() {
        assertThatThrownBy(() -> DatasetReader.csv("a,b\n1,\"open", "t.csv")).hasMessageContaining("t.csv").hasMessageContaining("unterminated");
        assertThatThrownBy(() -> DatasetReader.jsonLines("{\"a\":1}\n{oops", "t.jsonl")).hasMessageContaining("t.jsonl:2");
    }

    @Test
    void splitIsStableAndMetricsAreRight() {
        assertThat(Split.of("hello")).isEqualTo(Split.of("hello"));
        Confusion c = new Confusion(8, 2, 88, 2);
        assertThat(c.precision()).isEqualTo(0.8);
        assertThat(c.recall()).isEqualTo(0.8);
        assertThat(c.f1()).isEqualTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.fpr()).isEqualTo(2 / 90.0);
        assertThat(c.toJson()).contains("\"tp\":8").contains("\"fpr\":0.0222");
    }
}
