package io.promethios.governance.core.audit;

/**
 * When {@link JsonLinesAuditSink} forces its writes to the storage device.
 *
 * @since 0.1
 */
public enum FsyncPolicy {
    /** After every append, before the turn is acknowledged. The default: an acknowledged turn survives a power loss. */
    EVERY_APPEND,
    /** Never explicitly; the operating system writes back when it likes. Survives a process crash, not a power loss. */
    NEVER
}
