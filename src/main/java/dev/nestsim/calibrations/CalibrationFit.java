package dev.nestsim.calibrations;

import dev.nestsim.model.exits.Calibration;
import dev.nestsim.model.exits.Microbenchmark;
import dev.nestsim.model.exits.Param;
import java.util.List;

/**
 * The result of fitting the model's parameters to a user's vmexit.flat figures ({@link CalibrationFitter}).
 *
 * @param calibration   the fitted parameter set: the reference with every fitted value replaced
 * @param parameters    every parameter of the model, fitted or kept, in declaration order
 * @param residuals     every given figure, fitted or held out, with what the fit and the reference predict
 * @param rmsRelative   root mean square of (predicted / given - 1) over the fitted figures
 * @param machineScale  the common scale the fitted costs were drawn toward (exp of the prior's centre): 1.4 for a
 *                      machine whose every cost is 1.4 times the reference's
 * @param iterations    Levenberg-Marquardt iterations
 * @param evaluations   model evaluations
 */
public record CalibrationFit(Calibration calibration, List<ParamFit> parameters, List<Residual> residuals,
                             double rmsRelative, double machineScale, int iterations, int evaluations) {

    public CalibrationFit {
        parameters = List.copyOf(parameters);
        residuals = List.copyOf(residuals);
    }

    /**
     * One parameter after the fit.
     *
     * @param param        the parameter
     * @param reference    its reference value at the user's clock, in its unit
     * @param value        its value after the fit (the reference when not fitted)
     * @param low          the low bound of the fit, {@code NaN} when not fitted
     * @param high         the high bound of the fit, {@code NaN} when not fitted
     * @param fitted       whether the fit solved it
     * @param atBound      whether the solution sits on a bound (within 0.5% of the range)
     * @param identifiedBy the given figures whose prediction depends on it ({@code cpuid@L1}), held-out ones excluded
     * @param note         why it was or was not fitted
     */
    public record ParamFit(Param param, double reference, double value, double low, double high, boolean fitted,
                           boolean atBound, List<String> identifiedBy, String note) {

        public ParamFit {
            identifiedBy = List.copyOf(identifiedBy);
        }
    }

    /**
     * One given figure.
     *
     * @param level      0 native, 1 an L1 VM, 2 an L2 VM
     * @param benchmark  the test
     * @param given      the cycles the user's output gave
     * @param predicted  what the fitted calibration predicts
     * @param reference  what the reference calibration predicts
     * @param heldOut    whether the fit left it out (holdOut): its residual is then a prediction error
     */
    public record Residual(int level, Microbenchmark benchmark, double given, double predicted, double reference,
                           boolean heldOut) {

        /** predicted - given, in cycles. */
        public double residualCycles() {
            return predicted - given;
        }

        /** predicted / given - 1. */
        public double relative() {
            return predicted / given - 1;
        }
    }

    /** The value of {@code param} after the fit. */
    public ParamFit parameter(Param param) {
        return parameters.get(param.ordinal());
    }
}
