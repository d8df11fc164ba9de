/**
 * The tamper-evident audit trail: {@link io.promethios.governance.core.audit.AuditRecord}s
 * chained per session (see {@link io.promethios.governance.core.audit.AuditChain} for the
 * canonical form), the {@link io.promethios.governance.core.audit.AuditSink} SPI with its
 * in-memory and JSON-lines sinks, and {@link io.promethios.governance.core.audit.AuditVerifier}.
 */
package io.promethios.governance.core.audit;
