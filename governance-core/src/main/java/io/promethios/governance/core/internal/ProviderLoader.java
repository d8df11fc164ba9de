package io.promethios.governance.core.internal;

import io.promethios.governance.core.spi.GovernanceProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The one place that calls {@link ServiceLoader}. A provider that fails to load is logged at
 * WARN and skipped; the rest are sorted by {@code order()} then class name.
 */
public final class ProviderLoader {

    private static final Logger log = LoggerFactory.getLogger(ProviderLoader.class);

    private ProviderLoader() {
    }

    /** Loads every provider of {@code type} visible to {@code loader} (or core's loader if null). */
    public static <P extends GovernanceProvider<?>> List<P> load(Class<P> type, ClassLoader loader) {
        ClassLoader cl = loader != null ? loader : Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = ProviderLoader.class.getClassLoader();
        }
        List<P> found = new ArrayList<>();
        Iterator<P> it = ServiceLoader.load(type, cl).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                log.warn("Skipping a {} that failed to load: {}", type.getSimpleName(), e.toString());
            }
        }
        found.sort(Comparator.<P>comparingInt(GovernanceProvider::order).thenComparing(p -> p.getClass().getName()));
        return List.copyOf(found);
    }
}
