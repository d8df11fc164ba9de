package io.promethios.governance.core;

import io.promethios.governance.core.event.GovernanceEvent;
import io.promethios.governance.core.event.GovernanceListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event. */
public final class RecordingListener implements GovernanceListener {
    public final List<GovernanceEvent> events = new CopyOnWriteArrayList<>();

    @Override public void onTurnStarted(GovernanceEvent.TurnStarted e) { events.add(e); }
    @Override public void onTurnCompleted(GovernanceEvent.TurnCompleted e) { events.add(e); }
    @Override public void onTurnFailed(GovernanceEvent.TurnFailed e) { events.add(e); }
    @Override public void onPolicyDecision(GovernanceEvent.PolicyDecided e) { events.add(e); }
    @Override public void onPolicyViolation(GovernanceEvent.PolicyViolated e) { events.add(e); }
    @Override public void onPolicyFailure(GovernanceEvent.PolicyFailed e) { events.add(e); }
    @Override public void onTrustChange(GovernanceEvent.TrustChanged e) { events.add(e); }
    @Override public void onObserverIntervention(GovernanceEvent.ObserverIntervened e) { events.add(e); }

    public <T extends GovernanceEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
