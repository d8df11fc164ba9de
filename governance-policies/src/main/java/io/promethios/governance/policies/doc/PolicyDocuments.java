package io.promethios.governance.policies.doc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.FailureMode;
import io.promethios.governance.policies.Action;
import io.promethios.governance.policies.DetectorPolicy;
import io.promethios.governance.policies.Detectors;
import io.promethios.governance.policies.PolicyScope;
import io.promethios.governance.policies.RedactionOperator;
import io.promethios.governance.policies.Severity;
import io.promethios.governance.policies.TokenVault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads JSON policy documents into {@link DetectorPolicy} instances. A document is one policy
 * object or an array of them:
 *
 * <pre>{@code
 * {
 *   "id": "card-redaction",
 *   "version": "3",
 *   "enforcementPoints": ["INPUT", "OUTPUT"],
 *   "scope": { "organizations": ["acme"], "roles": [], "agents": [], "exemptRoles": ["compliance-officer"] },
 *   "detector": "pii",
 *   "parameters": { "entities": ["CREDIT_CARD", "IBAN_CODE"] },
 *   "action": "redact",
 *   "redaction": "keep-last-4",
 *   "severity": "medium",
 *   "minConfidence": 0.5,
 *   "timeoutMillis": 50,
 *   "failureMode": "fail-closed"
 * }
 * }</pre>
 *
 * Required: {@code id}, {@code detector}, {@code action}. Defaults: version {@code "1"}, points
 * INPUT, scope everyone, redaction {@code type}, severity {@code low} (the minimum severity acted
 * on), minConfidence 0, the pipeline's timeout and failure mode. Unknown fields are errors (a typo
 * must not silently disable a rule).
 *
 * <p>Errors are {@link PolicyDocumentException}s with source, line, column and field. Thread-safe.
 *
 * @since 0.1
 */
public final class PolicyDocuments {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Set<String> FIELDS = Set.of("id", "version", "enforcementPoints", "scope", "detector", "parameters", "action",
            "redaction", "severity", "minConfidence", "timeoutMillis", "failureMode", "description");
    private static final Set<String> SCOPE_FIELDS = Set.of("organizations", "roles", "agents", "exemptRoles");

    private final TokenVault vault;
    private final String hashSalt;

    private PolicyDocuments(TokenVault vault, String hashSalt) {
        this.vault = vault;
        this.hashSalt = hashSalt;
    }

    /** A loader without a token vault and without a hash salt: {@code "redaction": "tokenize"} and {@code "hash"} are then errors. */
    public static PolicyDocuments loader() {
        return new PolicyDocuments(null, "");
    }

    /** A loader whose {@code tokenize} redactions store originals in {@code vault}, and whose {@code hash} uses {@code hashSalt}. */
    public static PolicyDocuments loader(TokenVault vault, String hashSalt) {
        return new PolicyDocuments(Objects.requireNonNull(vault, "vault"), Objects.requireNonNull(hashSalt, "hashSalt"));
    }

    /** Parses {@code json}; {@code sourceName} is used in error messages. */
    public List<DetectorPolicy> fromString(String json, String sourceName) {
        Objects.requireNonNull(json, "json");
        return parse(json, sourceName == null ? "<string>" : sourceName);
    }

    /** Reads one document file. */
    public List<DetectorPolicy> fromFile(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new PolicyDocumentException(file.toString(), -1, -1, "", "not UTF-8");
        } catch (IOException e) {
            throw new PolicyDocumentException(file.toString(), -1, -1, "", "cannot read: " + e.getMessage());
        }
        return parse(json, file.toString());
    }

    /** Reads a classpath resource (for example {@code policies/default.json}) with this class's loader. */
    public List<DetectorPolicy> fromClasspath(String resource) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = PolicyDocuments.class.getClassLoader();
        }
        try (InputStream in = cl.getResourceAsStream(resource.startsWith("/") ? resource.substring(1) : resource)) {
            if (in == null) {
                throw new PolicyDocumentException("classpath:" + resource, -1, -1, "", "resource not found");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + resource);
        } catch (IOException e) {
            throw new PolicyDocumentException("classpath:" + resource, -1, -1, "", "cannot read: " + e.getMessage());
        }
    }

    /**
     * Reads every {@code *.json} file of {@code dir} (not recursive), in file-name order.
     *
     * @throws PolicyDocumentException for the first invalid file, or when two documents use the same id
     */
    public List<DetectorPolicy> fromDirectory(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new PolicyDocumentException(dir.toString(), -1, -1, "", "cannot list directory: " + e.getMessage());
        }
        List<DetectorPolicy> all = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        for (Path f : files) {
            for (DetectorPolicy p : fromFile(f)) {
                Path previous = ids.putIfAbsent(p.id(), f);
                if (previous != null) {
                    throw new PolicyDocumentException(f.toString(), -1, -1, "id", "duplicate policy id '" + p.id() + "' (also in " + previous + ")");
                }
                all.add(p);
            }
        }
        return List.copyOf(all);
    }

    // ------------------------------------------------------------------ parsing with locations

    /** A parsed JSON value with where it started. */
    private record Node(Object value, int line, int column) {
    }

    private List<DetectorPolicy> parse(String json, String source) {
        Node root;
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new PolicyDocumentException(source, 1, 1, "", "empty document");
            }
            root = read(p);
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new PolicyDocumentException(source, l.getLineNr(), l.getColumnNr(), "", "unexpected content after the document");
            }
        } catch (JsonParseException e) {
            JsonLocation l = e.getLocation();
            throw new PolicyDocumentException(source, l == null ? -1 : l.getLineNr(), l == null ? -1 : l.getColumnNr(), "",
                    "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PolicyDocumentException(source, -1, -1, "", "cannot parse: " + e.getMessage());
        }
        List<DetectorPolicy> out = new ArrayList<>();
        if (root.value() instanceof List<?> list) {
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                Node element = (Node) list.get(i);
                DetectorPolicy policy = policy(element, source, "[" + i + "].");
                Integer previous = ids.putIfAbsent(policy.id(), i);
                if (previous != null) {
                    // decisions record a policy's id and version: two policies with one id make the audit trail ambiguous
                    Node id = element.value() instanceof Map<?, ?> m && m.get("id") instanceof Node n ? n : element;
                    throw new PolicyDocumentException(source, id.line(), id.column(), "[" + i + "].id",
                            "duplicate policy id '" + policy.id() + "' (also element [" + previous + "])");
                }
                out.add(policy);
            }
        } else {
            out.add(policy(root, source, ""));
        }
        return List.copyOf(out);
    }

    private static Node read(JsonParser p) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        int line = l.getLineNr();
        int col = l.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonLocation fl = p.currentTokenLocation();
                    p.nextToken();
                    Node v = read(p);
                    if (m.containsKey(name)) {
                        throw new JsonParseException(p, "duplicate field '" + name + "'", fl);
                    }
                    m.put(name, new Node(v.value(), fl.getLineNr(), fl.getColumnNr()));
                }
                return new Node(m, line, col);
            }
            case START_ARRAY -> {
                List<Node> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                return new Node(list, line, col);
            }
            case VALUE_STRING -> {
                return new Node(p.getText(), line, col);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Node(p.getNumberValue(), line, col);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node(p.getBooleanValue(), line, col);
            }
            case VALUE_NULL -> {
                return new Node(null, line, col);
            }
            default -> throw new JsonParseException(p, "unexpected token " + t, l);
        }
    }

    @SuppressWarnings("unchecked")
    private DetectorPolicy policy(Node node, String source, String prefix) {
        if (!(node.value() instanceof Map)) {
            throw err(source, node, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), "a policy must be a JSON object");
        }
        Map<String, Node> m = (Map<String, Node>) node.value();
        for (Map.Entry<String, Node> e : m.entrySet()) {
            if (!FIELDS.contains(e.getKey())) {
                throw err(source, e.getValue(), prefix + e.getKey(), "unknown field, known fields: " + FIELDS.stream().sorted().toList());
            }
        }
        String id = requiredString(m, "id", node, source, prefix);
        String detectorName = requiredString(m, "detector", node, source, prefix);
        String actionName = requiredString(m, "action", node, source, prefix);
        Map<String, Object> params = new LinkedHashMap<>();
        Node paramsNode = m.get("parameters");
        if (paramsNode != null) {
            if (!(paramsNode.value() instanceof Map)) {
                throw err(source, paramsNode, prefix + "parameters", "must be an object");
            }
            ((Map<String, Node>) paramsNode.value()).forEach((k, v) -> params.put(k, plain(v)));
        }
        DetectorPolicy.Builder b;
        try {
            b = DetectorPolicy.builder(id, Detectors.create(detectorName, params));
        } catch (IllegalArgumentException e) {
            boolean unknownDetector = e.getMessage().startsWith("unknown detector");
            Node at = unknownDetector ? m.get("detector") : paramsNode != null ? paramsNode : m.get("detector");
            throw err(source, at, prefix + (unknownDetector ? "detector" : "parameters"), e.getMessage());
        }
        try {
            b.action(Action.parse(actionName));
        } catch (IllegalArgumentException e) {
            throw err(source, m.get("action"), prefix + "action", e.getMessage());
        }
        field(m, "version", source, prefix, v -> b.version(string(v, "version")));
        field(m, "redaction", source, prefix, v -> b.redaction(RedactionOperator.parse(string(v, "redaction"), vault, hashSalt)));
        field(m, "severity", source, prefix, v -> b.minSeverity(Severity.parse(string(v, "severity"))));
        field(m, "minConfidence", source, prefix, v -> b.minConfidence(number(v)));
        field(m, "timeoutMillis", source, prefix, v -> {
            double ms = number(v);
            if (!(ms >= 1 && ms <= 60_000)) {
                throw new IllegalArgumentException("must be in [1, 60000] milliseconds, but was " + v);
            }
            b.timeout(Duration.ofMillis((long) ms));
        });
        field(m, "failureMode", source, prefix, v -> {
            String f = string(v, "failureMode").trim().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                b.failureMode(FailureMode.valueOf(f));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown failure mode '" + v + "', expected fail-closed or fail-open");
            }
        });
        field(m, "enforcementPoints", source, prefix, v -> {
            EnumSet<EnforcementPoint> pts = EnumSet.noneOf(EnforcementPoint.class);
            for (String s : strings(v)) {
                try {
                    pts.add(EnforcementPoint.valueOf(s.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown enforcement point '" + s + "', expected one of " + List.of(EnforcementPoint.values()));
                }
            }
            b.enforcementPoints(pts);
        });
        Node scopeNode = m.get("scope");
        if (scopeNode != null) {
            if (!(scopeNode.value() instanceof Map)) {
                throw err(source, scopeNode, prefix + "scope", "must be an object");
            }
            Map<String, Node> sm = (Map<String, Node>) scopeNode.value();
            Map<String, Set<String>> sets = new HashMap<>();
            for (Map.Entry<String, Node> e : sm.entrySet()) {
                if (!SCOPE_FIELDS.contains(e.getKey())) {
                    throw err(source, e.getValue(), prefix + "scope." + e.getKey(), "unknown field, known fields: " + SCOPE_FIELDS.stream().sorted().toList());
                }
                try {
                    sets.put(e.getKey(), Set.copyOf(strings(plain(e.getValue()))));
                } catch (IllegalArgumentException ex) {
                    throw err(source, e.getValue(), prefix + "scope." + e.getKey(), ex.getMessage());
                }
            }
            b.scope(new PolicyScope(sets.getOrDefault("organizations", Set.of()), sets.getOrDefault("roles", Set.of()),
                    sets.getOrDefault("agents", Set.of()), sets.getOrDefault("exemptRoles", Set.of())));
        }
        try {
            return b.build();
        } catch (IllegalStateException e) {
            throw err(source, node, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), e.getMessage());
        }
    }

    private interface FieldSetter {
        void set(Object value);
    }

    private static void field(Map<String, Node> m, String name, String source, String prefix, FieldSetter setter) {
        Node n = m.get(name);
        if (n == null) {
            return;
        }
        try {
            setter.set(plain(n));
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
            throw err(source, n, prefix + name, e.getMessage() == null ? "invalid value" : e.getMessage());
        }
    }

    private static String requiredString(Map<String, Node> m, String name, Node parent, String source, String prefix) {
        Node n = m.get(name);
        if (n == null) {
            throw err(source, parent, prefix + name, "required field is missing");
        }
        if (!(n.value() instanceof String s) || s.isBlank()) {
            throw err(source, n, prefix + name, "must be a non-blank string");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Object plain(Node n) {
        Object v = n.value();
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> r = new LinkedHashMap<>();
            ((Map<String, Node>) map).forEach((k, x) -> r.put(k, plain(x)));
            return r;
        }
        if (v instanceof List<?> list) {
            List<Object> r = new ArrayList<>();
            for (Object x : list) {
                r.add(plain((Node) x));
            }
            return r;
        }
        return v;
    }

    private static String string(Object v, String what) {
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("must be a string");
        }
        return s;
    }

    private static double number(Object v) {
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("must be a number, but was " + v);
        }
        return n.doubleValue();
    }

    private static List<String> strings(Object v) {
        if (!(v instanceof List<?> list)) {
            throw new IllegalArgumentException("must be a list of strings");
        }
        List<String> r = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new IllegalArgumentException("must be a list of strings, but holds " + o);
            }
            r.add(s);
        }
        return r;
    }

    private static PolicyDocumentException err(String source, Node at, String field, String problem) {
        return new PolicyDocumentException(source, at == null ? -1 : at.line(), at == null ? -1 : at.column(), field, problem);
    }
}
