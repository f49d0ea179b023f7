/**
 * HTTP endpoints of runs ({@code /api/v1/runs}), their metrics across runs ({@code /api/v1/metrics}) and the
 * workload catalogue ({@code /api/v1/workloads}): thin controllers over {@code RunService} and {@code ResultService}.
 */
package dev.nestsim.runs.web;
