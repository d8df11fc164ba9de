package io.promethios.governance.core.spi;

import io.promethios.governance.core.observer.Intervention;
import io.promethios.governance.core.observer.TurnReview;

import java.util.List;

/**
 * Reviews each completed turn and raises graded interventions.
 *
 * <p><b>Threading.</b> Shared by all turns; must be thread-safe. Runs on the turn's thread after
 * the answer was governed, so it adds to the turn's latency. <b>Exceptions</b> fail the turn.
 *
 * @since 0.1
 */
public interface Observer {

    /** The interventions for this turn, possibly none. Must not return {@code null}. */
    List<Intervention> review(TurnReview review);
}
