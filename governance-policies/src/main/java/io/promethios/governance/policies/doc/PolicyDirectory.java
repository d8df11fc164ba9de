package io.promethios.governance.policies.doc;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.FailureMode;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyContext;
import io.promethios.governance.policies.DetectorPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A directory of policy documents that can be reloaded while the application runs.
 *
 * <pre>{@code
 * PolicyDirectory dir = PolicyDirectory.open(Path.of("/etc/promethios/policies"), PolicyDocuments.loader());
 * GovernancePipeline pipeline = GovernancePipeline.builder().addPolicies(dir.policies()) ... ;
 * // later, for example from a scheduled task or a file watcher:
 * dir.reloadIfChanged();
 * }</pre>
 *
 * <p>{@link #policies()} returns one stable {@link Policy} handle per policy id; a reload swaps the
 * rules behind each handle atomically, so a pipeline built once sees new versions without being
 * rebuilt (every decision records the version in force). A reload that fails (any invalid
 * document) changes nothing and throws, so a typo never drops the rules in force. A policy id
 * removed from the directory makes its handle allow everything (and is logged at WARN); a new id
 * needs {@link #policies()} again and a pipeline rebuild.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class PolicyDirectory {

    private static final Logger log = LoggerFactory.getLogger(PolicyDirectory.class);

    private final Path dir;
    private final PolicyDocuments loader;
    private final Map<String, Handle> handles = new LinkedHashMap<>();
    private volatile Map<Path, Long> stamps = Map.of();

    private PolicyDirectory(Path dir, PolicyDocuments loader) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /**
     * Loads every {@code *.json} in {@code dir}.
     *
     * @throws PolicyDocumentException if a document is invalid
     */
    public static PolicyDirectory open(Path dir, PolicyDocuments loader) {
        PolicyDirectory d = new PolicyDirectory(dir, loader);
        d.reload();
        return d;
    }

    /** One handle per policy id currently loaded, in file order. */
    public synchronized List<Policy> policies() {
        List<Policy> r = new ArrayList<>();
        for (Handle h : handles.values()) {
            if (h.current.get() != null) {
                r.add(h);
            }
        }
        return List.copyOf(r);
    }

    /**
     * Reloads every document.
     *
     * @return the number of policies loaded
     * @throws PolicyDocumentException if any document is invalid; the policies in force are kept
     */
    public synchronized int reload() {
        Map<Path, Long> newStamps = scan();
        List<DetectorPolicy> loaded = loader.fromDirectory(dir);
        Set<String> seen = new java.util.HashSet<>();
        for (DetectorPolicy p : loaded) {
            seen.add(p.id());
            handles.computeIfAbsent(p.id(), Handle::new).current.set(p);
        }
        for (Handle h : handles.values()) {
            if (!seen.contains(h.id) && h.current.getAndSet(null) != null) {
                log.warn("Policy '{}' was removed from {}; its handle now allows everything", h.id, dir);
            }
        }
        stamps = newStamps;
        log.debug("Loaded {} policies from {}", loaded.size(), dir);
        return loaded.size();
    }

    /**
     * Reloads when a {@code *.json} file was added, removed or modified since the last load.
     *
     * @return whether a reload happened
     * @throws PolicyDocumentException if the changed documents are invalid; the policies in force are kept
     */
    public synchronized boolean reloadIfChanged() {
        if (scan().equals(stamps)) {
            return false;
        }
        reload();
        return true;
    }

    private Map<Path, Long> scan() {
        Map<Path, Long> r = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(x -> x.getFileName().toString().endsWith(".json")).sorted().toList()) {
                r.put(p, Files.getLastModifiedTime(p).toMillis() ^ (Files.size(p) << 40));
            }
        } catch (IOException e) {
            throw new PolicyDocumentException(dir.toString(), -1, -1, "", "cannot list directory: " + e.getMessage());
        }
        return r;
    }

    @Override
    public String toString() {
        return "PolicyDirectory[" + dir + ", " + handles.size() + " ids]";
    }

    /** A stable policy whose rules are swapped on reload. */
    private static final class Handle implements Policy {
        private final String id;
        private final AtomicReference<DetectorPolicy> current = new AtomicReference<>();

        Handle(String id) {
            this.id = id;
        }

        private Optional<DetectorPolicy> cur() {
            return Optional.ofNullable(current.get());
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String version() {
            return cur().map(DetectorPolicy::version).orElse("removed");
        }

        @Override
        public Set<EnforcementPoint> enforcementPoints() {
            return cur().map(DetectorPolicy::enforcementPoints).orElse(Set.of(EnforcementPoint.INPUT));
        }

        @Override
        public Optional<Duration> timeout() {
            return cur().flatMap(DetectorPolicy::timeout);
        }

        @Override
        public Optional<FailureMode> failureMode() {
            return cur().flatMap(DetectorPolicy::failureMode);
        }

        @Override
        public PolicyDecision evaluate(PolicyContext context) {
            DetectorPolicy p = current.get();
            return p == null ? PolicyDecision.allow(id) : p.evaluate(context);
        }

        @Override
        public String toString() {
            return "PolicyDirectory.Handle[" + id + " -> " + current.get() + "]";
        }
    }
}
