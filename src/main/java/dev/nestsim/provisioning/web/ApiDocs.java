package dev.nestsim.provisioning.web;

/** Shared bits of the OpenAPI annotations. */
final class ApiDocs {

    static final String PROBLEM = "application/problem+json";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String IF_MATCH = "The ETag from GET (for example \"3\"); 428 without it, 412 when stale";
    static final String IDEMPOTENCY_KEY = "Optional. A retry with the same key and body returns the first response (with "
            + "Idempotent-Replayed: true) and creates nothing; the same key with a different body is 422. Keys are kept 24 h.";
    static final String PAGE = "Page number, from 0 to 21474836 (so that page x size stays below 2^31)";
    static final String SIZE = "Page size, 1 to 100";

    private ApiDocs() {
    }
}
