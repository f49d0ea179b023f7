/**
 * Calibrations: a user's kvm-unit-tests vmexit.flat output ({@link dev.nestsim.calibrations.VmexitOutput}) fitted to the
 * cascade's parameters by bounded nonlinear least squares ({@link dev.nestsim.calibrations.CalibrationFitter}), stored,
 * and used by the hosts that name it. The parser and the fit are plain Java; the service and the web layer sit beside them.
 */
package dev.nestsim.calibrations;
