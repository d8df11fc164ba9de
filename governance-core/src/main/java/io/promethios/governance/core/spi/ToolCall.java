package io.promethios.governance.core.spi;

import java.util.Objects;

/**
 * A tool call an agent asked for. The application executes it, and only after the call passed
 * the PROCESSING policies (the pipeline drops blocked calls from the response).
 *
 * @param id        the provider's call id, or {@code ""}
 * @param name      the tool name
 * @param arguments the arguments as the provider sent them (usually JSON)
 * @since 0.1
 */
public record ToolCall(String id, String name, String arguments) {
    public ToolCall {
        id = id == null ? "" : id;
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }

    @Override
    public String toString() {
        return "ToolCall[id=" + id + ", name=" + name + ", arguments=<" + arguments.length() + " chars>]";
    }
}
