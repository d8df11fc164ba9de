package io.promethios.governance.adapters.internal;

import okio.BufferedSource;

import java.io.IOException;

/** Reads newline-delimited JSON ({@code application/x-ndjson}) one line at a time; blank lines are skipped. */
public final class NdjsonReader {

    /** Receives one JSON line; returns {@code false} to stop reading. */
    @FunctionalInterface
    public interface Listener {
        boolean onLine(String json);
    }

    private NdjsonReader() {
    }

    /** @return {@code true} if the listener stopped, {@code false} if the source ended first */
    public static boolean read(BufferedSource source, Listener listener) throws IOException {
        String line;
        while ((line = source.readUtf8Line()) != null) {
            if (line.isBlank()) {
                continue;
            }
            if (!listener.onLine(line)) {
                return true;
            }
        }
        return false;
    }
}
