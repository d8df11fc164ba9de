package io.promethios.governance.core;

/**
 * Bad or incomplete configuration found when a pipeline is built or a provider is chosen, for
 * example no agent, or several agent providers and none selected.
 *
 * @since 0.1
 */
public class GovernanceConfigurationException extends GovernanceException {
    public GovernanceConfigurationException(String message) {
        super(message);
    }

    public GovernanceConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
