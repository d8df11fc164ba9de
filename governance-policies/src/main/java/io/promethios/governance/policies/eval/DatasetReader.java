package io.promethios.governance.policies.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JSON-lines ({@code .jsonl}, {@code .ndjson}) and CSV (RFC 4180: quoted fields, doubled
 * quotes, line breaks inside quotes, CRLF or LF) into rows of field name to value. JSON values
 * keep their type (lists and objects included); CSV values are strings.
 *
 * @since 0.1
 */
public final class DatasetReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetReader() {
    }

    /**
     * Reads {@code file}, choosing the format by extension ({@code .csv} is CSV, anything else
     * JSON lines).
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if a line or record is malformed (the message names file and line)
     */
    public static List<Map<String, Object>> read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String content = Files.readString(file, StandardCharsets.UTF_8);
        if (!content.isEmpty() && content.charAt(0) == '\uFEFF') {
            content = content.substring(1);
        }
        return name.endsWith(".csv") ? csv(content, file.toString()) : jsonLines(content, file.toString());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> jsonLines(String content, String source) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            try {
                Object v = JSON.readValue(line, Object.class);
                if (!(v instanceof Map)) {
                    throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected a JSON object per line");
                }
                rows.add((Map<String, Object>) v);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": invalid JSON: " + e.getOriginalMessage());
            }
        }
        return rows;
    }

    /** Parses RFC 4180 CSV with a header row. */
    static List<Map<String, Object>> csv(String content, String source) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int n = content.length();
        for (int i = 0; i < n; i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && content.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (c == '"' && field.length() == 0 && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && content.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                if (!(record.size() == 1 && record.get(0).isEmpty())) {
                    records.add(record);
                }
                record = new ArrayList<>();
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(source + ":" + line + ": unterminated quoted field");
        }
        if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.get(0);
        List<Map<String, Object>> rows = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() != header.size()) {
                throw new IllegalArgumentException(source + ": record " + r + " has " + rec.size() + " fields, the header has " + header.size());
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int k = 0; k < header.size(); k++) {
                row.put(header.get(k), rec.get(k));
            }
            rows.add(row);
        }
        return rows;
    }
}
