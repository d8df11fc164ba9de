package io.promethios.governance.core.internal;

import io.promethios.governance.core.ChatRequest;
import io.promethios.governance.core.InvalidRequestException;
import io.promethios.governance.core.SessionSpec;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.defs.NotBlankDef;
import org.hibernate.validator.cfg.defs.PatternDef;
import org.hibernate.validator.cfg.defs.SizeDef;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bean validation (Hibernate Validator, programmatic mapping so limits are configurable) of
 * requests and session specs. Messages name the field; no message quotes user content.
 */
final class RequestValidator implements AutoCloseable {

    /** Identifiers: 1 to 128 of letters, digits and {@code . _ : @ -}. */
    static final String ID_PATTERN = "[A-Za-z0-9._:@-]{1,128}";
    static final int MAX_METADATA_KEY = 64;
    static final int MAX_METADATA_VALUE = 1024;

    private final ValidatorFactory factory;
    private final Validator validator;
    private final int maxMessageChars;
    private final int maxMetadataEntries;

    RequestValidator(int maxMessageChars, int maxMetadataEntries) {
        this.maxMessageChars = maxMessageChars;
        this.maxMetadataEntries = maxMetadataEntries;
        HibernateValidatorConfiguration cfg = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator());
        ConstraintMapping mapping = cfg.createConstraintMapping();
        mapping.type(ChatRequest.class)
                .field("sessionId").constraint(new PatternDef().regexp(ID_PATTERN).message("must be 1 to 128 of [A-Za-z0-9._:@-]"))
                .field("content").constraint(new NotBlankDef())
                .constraint(new SizeDef().max(maxMessageChars).message("must be at most {max} characters"))
                .field("metadata").constraint(new SizeDef().max(maxMetadataEntries).message("must have at most {max} entries"));
        mapping.type(SessionSpec.class)
                .field("userId").constraint(new PatternDef().regexp(ID_PATTERN).message("must be 1 to 128 of [A-Za-z0-9._:@-]"))
                .field("organizationId").constraint(new PatternDef().regexp(ID_PATTERN).message("must be 1 to 128 of [A-Za-z0-9._:@-]"));
        cfg.addMapping(mapping);
        this.factory = cfg.buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    void validate(ChatRequest request) {
        if (fastAccepts(request)) {
            return;
        }
        List<String> problems = problems(request);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("chat request", problems);
        }
    }

    /** Every problem with {@code request}, by bean validation (plus metadata bounds); empty if valid. */
    List<String> problems(ChatRequest request) {
        List<String> problems = new ArrayList<>(2);
        Set<ConstraintViolation<ChatRequest>> violations = validator.validate(request);
        for (ConstraintViolation<ChatRequest> v : violations) {
            String field = v.getPropertyPath().toString();
            String detail = field.equals("content") && request.content().length() > maxMessageChars
                    ? " (was " + request.content().length() + ")" : "";
            problems.add(field + ": " + v.getMessage() + detail);
        }
        for (Map.Entry<String, String> e : request.metadata().entrySet()) {
            if (e.getKey().isEmpty() || e.getKey().length() > MAX_METADATA_KEY) {
                problems.add("metadata: keys must be 1 to " + MAX_METADATA_KEY + " characters");
                break;
            }
            if (e.getValue().length() > MAX_METADATA_VALUE) {
                problems.add("metadata[" + e.getKey() + "]: must be at most " + MAX_METADATA_VALUE + " characters");
                break;
            }
        }
        problems.sort(null);
        return problems;
    }

    /**
     * The same rules as the constraint mapping, checked by hand for the common case of a valid
     * request (bean validation costs microseconds per turn). It only ever accepts: anything it
     * does not accept goes through Hibernate Validator, which produces the error messages.
     */
    boolean fastAccepts(ChatRequest request) {
        String content = request.content();
        if (content.length() > maxMessageChars || !isId(request.sessionId())
                || request.metadata().size() > maxMetadataEntries) {
            return false;
        }
        boolean blank = true;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            // stricter than @NotBlank where they could differ: any kind of space defers to the validator
            if (c > ' ' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                blank = false;
                break;
            }
        }
        if (blank) {
            return false;
        }
        for (Map.Entry<String, String> e : request.metadata().entrySet()) {
            if (e.getKey().isEmpty() || e.getKey().length() > MAX_METADATA_KEY || e.getValue().length() > MAX_METADATA_VALUE) {
                return false;
            }
        }
        return true;
    }

    /** {@link #ID_PATTERN} by hand. */
    static boolean isId(String s) {
        int n = s.length();
        if (n < 1 || n > 128) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '@' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    void validate(SessionSpec spec) {
        List<String> problems = new ArrayList<>(2);
        for (ConstraintViolation<SessionSpec> v : validator.validate(spec)) {
            problems.add(v.getPropertyPath() + ": " + v.getMessage());
        }
        spec.sessionId().ifPresent(id -> {
            if (!id.matches(ID_PATTERN)) {
                problems.add("sessionId: must be 1 to 128 of [A-Za-z0-9._:@-]");
            }
        });
        if (!problems.isEmpty()) {
            problems.sort(null);
            throw new InvalidRequestException("session spec", problems);
        }
    }

    int maxMetadataEntries() {
        return maxMetadataEntries;
    }

    @Override
    public void close() {
        factory.close();
    }
}
