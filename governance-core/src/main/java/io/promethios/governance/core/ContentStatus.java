package io.promethios.governance.core;

/**
 * What happened to a piece of content (a message, or a whole turn's answer).
 *
 * @since 0.1
 */
public enum ContentStatus {
    /** Delivered as written. */
    DELIVERED,
    /** Delivered after a rewrite (redaction). Only the rewritten text is kept. */
    TRANSFORMED,
    /** Not delivered; kept without content. */
    BLOCKED,
    /** Held for human approval; kept without content until approved. */
    HELD;

    /** Combines two statuses of one turn: BLOCKED > HELD > TRANSFORMED > DELIVERED. */
    public ContentStatus combine(ContentStatus other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(ContentStatus s) {
        switch (s) {
            case BLOCKED: return 3;
            case HELD: return 2;
            case TRANSFORMED: return 1;
            default: return 0;
        }
    }

    /** The status content gets under a combined verdict. */
    public static ContentStatus of(Verdict verdict) {
        switch (verdict) {
            case BLOCK: return BLOCKED;
            case REQUIRE_APPROVAL: return HELD;
            case TRANSFORM: return TRANSFORMED;
            default: return DELIVERED;
        }
    }
}
