package io.promethios.governance.core.internal;

import io.promethios.governance.core.GovernedResponse;
import io.promethios.governance.core.spi.Stage;

/** Bean validation of the request; throws {@link io.promethios.governance.core.InvalidRequestException}. */
final class ValidationStage implements Stage {
    private final RequestValidator validator;

    ValidationStage(RequestValidator validator) {
        this.validator = validator;
    }

    @Override
    public GovernedResponse apply(Chain chain) {
        validator.validate(chain.request());
        return chain.proceed(chain.request());
    }

    @Override
    public String name() {
        return "validation";
    }
}
