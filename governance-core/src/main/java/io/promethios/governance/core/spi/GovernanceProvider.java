package io.promethios.governance.core.spi;

/**
 * A small factory registered in {@code META-INF/services}: the pipeline builder finds providers
 * when {@code discoverProviders()} is set, orders them by {@link #order()} then class name, and
 * calls {@link #create(ProviderConfig)} once per built pipeline.
 *
 * <p>Implementations need a public no-argument constructor that does no heavy work. A provider
 * that fails to load or to create is logged at WARN and skipped. Components registered
 * explicitly on the builder win over discovered ones.
 *
 * @param <T> what the provider creates
 * @since 0.1
 */
public interface GovernanceProvider<T> {

    /** Name used to select this provider when several are found (for example {@code "openai"}). */
    String name();

    /** Lower runs (and is listed) first. Default 0. */
    default int order() {
        return 0;
    }

    /** Creates the component. */
    T create(ProviderConfig config);
}
