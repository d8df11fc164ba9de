package io.promethios.governance.core.audit;

class InMemoryAuditSinkTest extends AuditSinkContractTest {
    @Override
    protected AuditSink newSink() {
        return new InMemoryAuditSink();
    }
}
