package io.promethios.governance.policies.doc;

import io.promethios.governance.core.GovernanceConfigurationException;

/**
 * An invalid policy document: the message names the source (file or resource), the line and
 * column, the field and what is wrong, for example
 * {@code policies/pii.json:7:15: field 'action': unknown action 'redcat', expected one of ...}.
 *
 * @since 0.1
 */
public final class PolicyDocumentException extends GovernanceConfigurationException {

    private final String source;
    private final int line;
    private final int column;
    private final String field;

    PolicyDocumentException(String source, int line, int column, String field, String problem) {
        super(source + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : "field '" + field + "': ") + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.field = field;
    }

    /** The file, resource or name the document came from. */
    public String source() {
        return source;
    }

    /** 1-based line of the problem (-1 if unknown). */
    public int line() {
        return line;
    }

    /** 1-based column of the problem (-1 if unknown). */
    public int column() {
        return column;
    }

    /** Dotted path of the offending field, or {@code ""} for the document as a whole. */
    public String field() {
        return field;
    }
}
