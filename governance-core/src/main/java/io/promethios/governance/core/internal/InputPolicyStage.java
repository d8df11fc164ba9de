package io.promethios.governance.core.internal;

import io.promethios.governance.core.ContentStatus;
import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.GovernedResponse;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.spi.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/** INPUT policies: the governance pre-check. Blocks and holds short-circuit; redactions rewrite the request. */
final class InputPolicyStage implements Stage {
    private static final Logger log = LoggerFactory.getLogger(InputPolicyStage.class);

    @Override
    public GovernedResponse apply(Chain chain) {
        TurnState state = (TurnState) chain.context();
        String text = chain.request().content();
        PolicyEngine.Evaluation eval = state.pipeline.engine.evaluate(EnforcementPoint.INPUT, text, state, "", chain.request().metadata());
        // REASK is meaningful for answers only; at INPUT the text must not pass as it is
        Verdict v = eval.verdict() == Verdict.REASK ? Verdict.BLOCK : eval.verdict();
        state.inputVerdict = v;
        if (v.withholdsContent()) {
            state.inputStatus = ContentStatus.of(v);
            state.governedInput = "";
            return state.response();
        }
        boolean rewritten = !eval.text().equals(text);
        state.inputStatus = rewritten ? ContentStatus.TRANSFORMED : ContentStatus.DELIVERED;
        state.governedInput = eval.text();
        if (state.pipeline.logContent && log.isTraceEnabled()) {
            log.trace("Governed input of session {} turn {}: {}", state.session.id(), state.turn, state.governedInput);
        }
        return chain.proceed(rewritten ? chain.request().withContent(eval.text()) : chain.request());
    }

    @Override
    public String name() {
        return "input-policies";
    }
}
