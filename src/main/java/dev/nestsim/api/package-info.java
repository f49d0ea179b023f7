/**
 * Cross-cutting web concerns shared by every feature: RFC 9457 problem details (one
 * {@link dev.nestsim.api.ApiExceptionHandler} for domain and Spring errors alike), the exceptions a
 * service throws to produce them, paged list responses, {@code ETag}/{@code If-Match} versions, JSON
 * merge patches (RFC 7396), strict JSON reading, and {@code Idempotency-Key} handling for every
 * {@code POST} under {@code /api/v1}.
 */
package dev.nestsim.api;
