package io.promethios.governance.core.spi;

import io.promethios.governance.core.StageName;

/**
 * Registers a {@link Stage} through
 * {@code META-INF/services/io.promethios.governance.core.spi.StageProvider}. Discovered stages
 * are inserted before {@link #before()}, ordered by {@link #order()} then class name.
 *
 * @since 0.1
 */
public interface StageProvider extends GovernanceProvider<Stage> {

    /** The built-in stage this one runs before. Default {@link StageName#ROUTING}. */
    default StageName before() {
        return StageName.ROUTING;
    }
}
