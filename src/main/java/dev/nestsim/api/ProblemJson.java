package dev.nestsim.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A problem without {@code errors}, written where Spring MVC does not answer: in a servlet filter before the request
 * reaches it, and in Tomcat's error report valve for requests Tomcat refuses itself. Same members as the problems of
 * {@link ApiExceptionHandler}: type, title, status, detail, instance.
 */
public final class ProblemJson {

    private ProblemJson() {
    }

    /** The JSON of a problem; {@code instance} is the request's path as it came (escaped, cut to 200 characters). */
    static String of(ProblemType type, int status, String detail, String instance) {
        return "{\"type\":" + string(type.uri().toString()) + ",\"title\":" + string(type.title()) + ",\"status\":" + status
                + ",\"detail\":" + string(detail) + ",\"instance\":" + string(instance == null ? "" : Echo.clip(instance, 200)) + "}";
    }

    /** Writes the problem as the whole response, unless the response is committed already. */
    public static void write(HttpServletResponse response, ProblemType type, int status, String detail, String instance) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        byte[] body = of(type, status, detail, instance).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** A JSON string literal. */
    static String string(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !pairedAt(text, i)) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static boolean pairedAt(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
