package io.promethios.governance.core.internal;

import io.promethios.governance.core.ChatRequest;
import jakarta.validation.Validation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written fast path accepts only what the Hibernate Validator mapping accepts. */
class RequestValidatorTest {

    private final RequestValidator validator = new RequestValidator(20, 2);

    @Test
    void fastPathNeverAcceptsWhatBeanValidationRejects() {
        List<String> ids = List.of("s1", "", "a b", "x".repeat(128), "x".repeat(129), "ok.id:_@-Z9", "é", "s\n");
        List<String> contents = List.of("hi", "", " ", "\t\n\u000b", "\u00a0", "x".repeat(20), "x".repeat(21), " a ", "\u2003");
        List<Map<String, String>> metas = List.of(Map.of(), Map.of("k", "v"), Map.of("a", "1", "b", "2", "c", "3"),
                Map.of("", "v"), Map.of("k".repeat(65), "v"), Map.of("k", "v".repeat(1025)));
        int accepted = 0;
        int rejected = 0;
        for (String id : ids) {
            for (String c : contents) {
                for (Map<String, String> m : metas) {
                    ChatRequest r = new ChatRequest(id, c, m);
                    boolean hvValid = beanValid(r);
                    if (validator.fastAccepts(r)) {
                        accepted++;
                        assertThat(hvValid).as("fast path accepted %s", r).isTrue();
                    } else {
                        rejected++;
                        if (hvValid) {
                            validator.validate(r); // the slow path must then agree it is valid
                        } else {
                            assertThatThrownBy(() -> validator.validate(r)).isInstanceOf(IllegalArgumentException.class);
                        }
                    }
                }
            }
        }
        assertThat(accepted).isPositive();
        assertThat(rejected).isPositive();
    }

    private boolean beanValid(ChatRequest r) {
        return validator.problems(r).isEmpty(); // Hibernate Validator only, no fast path
    }

    @Test
    void hibernateValidatorIsOnTheClasspathWithoutEl() {
        assertThat(Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator()).isNotNull();
    }
}
