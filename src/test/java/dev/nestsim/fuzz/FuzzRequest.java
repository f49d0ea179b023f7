package dev.nestsim.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated request: method, request target (path and query, sent as is), headers and body ({@code null}: none).
 *
 * @param operation the OpenAPI operation it was generated from ({@code "GET /api/v1/hosts/{id}"}), for reports
 * @param mutation  what was mutated ({@code "none"} for a request generated to the schema)
 */
record FuzzRequest(String operation, String mutation, String method, String target, Map<String, String> headers, byte[] body) {

    boolean changesState() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    /** The request as a report shows it, its body cut to 300 characters. */
    String describe() {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        return method + " " + target + " " + headers + (text.isEmpty() ? "" : " body " + (text.length() > 300 ? text.substring(0, 300) + "..." : text))
                + " [" + operation + ", mutation " + mutation + "]";
    }
}
