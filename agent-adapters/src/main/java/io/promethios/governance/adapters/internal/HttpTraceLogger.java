package io.promethios.governance.adapters.internal;

import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Logs requests and responses, bodies included, at TRACE on logger
 * {@value #LOGGER_NAME}, with credential headers redacted. Installed only when an adapter is
 * built with {@code logHttp(true)}; does nothing unless TRACE is enabled. Streaming response
 * bodies are not logged (reading them here would buffer the stream).
 */
public final class HttpTraceLogger implements Interceptor {
    public static final String LOGGER_NAME = "io.promethios.governance.adapters.http";
    private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);
    private static final Set<String> REDACTED = Set.of("authorization", "proxy-authorization", "x-api-key", "api-key", "cookie", "set-cookie");
    private static final long MAX_BODY = 64 * 1024;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!log.isTraceEnabled()) {
            return chain.proceed(request);
        }
        StringBuilder out = new StringBuilder("--> ").append(request.method()).append(' ').append(request.url()).append('\n');
        appendHeaders(out, request.headers());
        if (request.body() != null) {
            Buffer buffer = new Buffer();
            request.body().writeTo(buffer);
            out.append(buffer.readUtf8()).append('\n');
        }
        log.trace(out.toString());
        long start = System.nanoTime();
        Response response = chain.proceed(request);
        long ms = (System.nanoTime() - start) / 1_000_000;
        StringBuilder in = new StringBuilder("<-- ").append(response.code()).append(' ').append(request.url())
                .append(" (").append(ms).append(" ms)\n");
        appendHeaders(in, response.headers());
        MediaType type = response.body() == null ? null : response.body().contentType();
        String subtype = type == null ? "" : type.subtype().toLowerCase(Locale.ROOT);
        if (subtype.equals("event-stream") || subtype.contains("ndjson")) {
            in.append("(streaming body not logged)");
        } else if (response.body() != null) {
            in.append(response.peekBody(MAX_BODY).string());
        }
        log.trace(in.toString());
        return response;
    }

    private static void appendHeaders(StringBuilder sb, Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String value = REDACTED.contains(name.toLowerCase(Locale.ROOT)) ? "██" : headers.value(i);
            sb.append(name).append(": ").append(value).append('\n');
        }
    }
}
