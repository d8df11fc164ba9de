package io.promethios.governance.adapters.internal;

import okio.BufferedSource;

import java.io.IOException;

/**
 * Reads Server-Sent Events (the WHATWG {@code text/event-stream} format): {@code event:} and
 * {@code data:} fields, multi-line data joined with {@code \n}, {@code :} comments ignored, an
 * event dispatched at each blank line.
 */
public final class SseReader {

    /** Receives events; returns {@code false} to stop reading (an end marker was seen). */
    @FunctionalInterface
    public interface Listener {
        boolean onEvent(String event, String data);
    }

    private SseReader() {
    }

    /**
     * Reads until the listener stops or the source ends.
     *
     * @return {@code true} if the listener stopped, {@code false} if the source ended first
     */
    public static boolean read(BufferedSource source, Listener listener) throws IOException {
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = source.readUtf8Line()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    if (!listener.onEvent(event == null ? "message" : event, data.toString())) {
                        return true;
                    }
                }
                event = null;
                data = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("event")) {
                event = value;
            } else if (field.equals("data")) {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
        }
        // Per the SSE spec an event without its terminating blank line is discarded.
        return false;
    }
}
