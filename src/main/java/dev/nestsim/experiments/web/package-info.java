/**
 * The experiments HTTP API: {@code /api/v1/experiments} (create, watch, list, cancel, delete, results, comparison) and
 * the read-only catalogue {@code /api/v1/experiment-presets}. Thin controllers: records in and out, the service's
 * exceptions become problem details in {@link dev.nestsim.api.ApiExceptionHandler}.
 */
package dev.nestsim.experiments.web;
