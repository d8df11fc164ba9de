package io.promethios.governance.core.spi;

import io.promethios.governance.core.ChatRequest;
import io.promethios.governance.core.GovernanceContext;
import io.promethios.governance.core.GovernedResponse;

/**
 * One step of the governance chain, in the style of OkHttp's interceptors.
 *
 * <p>A stage calls {@link Chain#proceed(ChatRequest)} at most once to run the rest of the chain
 * and gets the response back; it may short-circuit (return a response without proceeding),
 * rewrite the request before proceeding, or act on the response on the way back.
 *
 * <p><b>Threading.</b> A stage instance is shared by every turn of a pipeline and must be
 * thread-safe; the {@link Chain} and its {@link GovernanceContext} belong to one turn.
 * <b>Exceptions</b> propagate to the caller of the turn and fail it; nothing of a failed turn is
 * written to the session. Stages may block (an agent call does), but every millisecond is
 * governance overhead.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Stage {

    /** Runs this stage. Must not return {@code null}. */
    GovernedResponse apply(Chain chain);

    /** The name used in timings and error messages. Defaults to the simple class name. */
    default String name() {
        String simple = getClass().getSimpleName();
        return simple.isEmpty() ? getClass().getName() : simple;
    }

    /** The rest of the chain, as seen from one stage. */
    interface Chain {
        /** The request as it reaches this stage (possibly rewritten by earlier stages). */
        ChatRequest request();

        /** The turn in progress. */
        GovernanceContext context();

        /**
         * Runs the remaining stages with {@code request} and returns their response.
         *
         * @throws IllegalStateException if called more than once
         */
        GovernedResponse proceed(ChatRequest request);
    }
}
