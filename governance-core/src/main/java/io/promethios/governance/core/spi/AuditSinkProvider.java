package io.promethios.governance.core.spi;

import io.promethios.governance.core.audit.AuditSink;

/**
 * Registers an {@link AuditSink} through
 * {@code META-INF/services/io.promethios.governance.core.spi.AuditSinkProvider}.
 *
 * @since 0.1
 */
public interface AuditSinkProvider extends GovernanceProvider<AuditSink> {
}
