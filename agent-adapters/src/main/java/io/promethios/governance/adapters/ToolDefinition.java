package io.promethios.governance.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Objects;

/**
 * A tool (function) the model may ask to call. Adapters send their tool definitions with every
 * request in the provider's format; a call the model asks for comes back as a core
 * {@link io.promethios.governance.core.spi.ToolCall} in the reply, and the pipeline runs the
 * PROCESSING policies on it before the application executes it.
 *
 * <pre>{@code
 * ToolDefinition weather = ToolDefinition.of("get_weather", "Current weather for a city",
 *     "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");
 * }</pre>
 *
 * @param name        the tool name, {@code [a-zA-Z0-9_-]{1,64}} (the strictest provider rule)
 * @param description what the tool does, or {@code ""}
 * @param parameters  the JSON Schema of the arguments, as a JSON object
 * @since 0.1
 */
public record ToolDefinition(String name, String description, String parameters) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @throws IllegalArgumentException if the name is invalid or {@code parameters} is not a JSON object
     */
    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-zA-Z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("tool name must match [a-zA-Z0-9_-]{1,64}, but was '" + name + "'");
        }
        description = description == null ? "" : description;
        Objects.requireNonNull(parameters, "parameters");
        parameterSchema(name, parameters);
    }

    /** A tool definition; see the record components. */
    public static ToolDefinition of(String name, String description, String parameters) {
        return new ToolDefinition(name, description, parameters);
    }

    /** The parameters schema as a JSON tree (a fresh copy). */
    public JsonNode parametersJson() {
        return parameterSchema(name, parameters);
    }

    private static JsonNode parameterSchema(String name, String parameters) {
        try {
            JsonNode node = MAPPER.readTree(parameters);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("parameters of tool '" + name + "' must be a JSON object (a JSON Schema)");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("parameters of tool '" + name + "' are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
