/**
 * The calibrations HTTP API under {@code /api/v1/calibrations}: create (fit), read, list, delete, and the predictions of
 * a calibration beside the reference's. Thin controllers; errors are the service's exceptions, written as problem details
 * by {@code dev.nestsim.api}.
 */
package dev.nestsim.calibrations.web;
