package dev.nestsim.api;

/**
 * The response first given to a keyed request, replayed for a retry with the same key and body.
 *
 * @param fingerprint SHA-256 of the method, the path and the canonical JSON body of the first request
 * @param status      its HTTP status (2xx only are stored)
 * @param location    its {@code Location} header, or {@code null}
 * @param etag        its {@code ETag} header, or {@code null}
 * @param contentType its {@code Content-Type}, or {@code null}
 * @param body        its body as UTF-8 text
 */
record StoredResponse(String fingerprint, int status, String location, String etag, String contentType, String body) {
}
