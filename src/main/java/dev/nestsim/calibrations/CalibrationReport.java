package dev.nestsim.calibrations;

import dev.nestsim.model.exits.Calibration;
import dev.nestsim.model.exits.Param;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fit as stored and shown: every parameter's value (what hosts on the calibration use), bounds and note, every given
 * figure's residual, and how far the fit moved the L2 predictions. Stored as JSON in the calibration's row, so the
 * calibration reads back as it was fitted even when the model's reference values move later.
 *
 * @param schemaVersion version of this document's shape, {@value #SCHEMA_VERSION}
 * @param values        every parameter's value by name, in cycles at the calibration's clock (counts and flags as such)
 * @param rmsRelative   root mean square of (predicted / given - 1) over the fitted figures
 * @param machineScale  the common scale of the reference costs the fit was drawn toward
 * @param iterations    Levenberg-Marquardt iterations
 * @param evaluations   model evaluations of the optimizer
 * @param parameters    every parameter, fitted or kept
 * @param tests         every given figure with its prediction
 * @param l2Predictions the kvm-unit-tests microbenchmarks in an L2 VM: reference and calibrated
 * @param outputs       per output field, the tests the model does not know and the tests reported as skipped
 */
@Schema(name = "CalibrationFit", description = "The parameters fitted to the given vmexit.flat figures and how well they reproduce them")
public record CalibrationReport(
        @Schema(description = "Version of this document's shape", example = "1") int schemaVersion,
        @Schema(description = "Every parameter's value by name, in cycles at the calibration's clock (counts and flags as such): "
                + "what a host on this calibration computes with") Map<String, Double> values,
        @Schema(description = "Root mean square of predicted / given - 1 over the fitted figures", example = "0.0012") double rmsRelative,
        @Schema(description = "The common scale of the reference costs the fit was drawn toward (1: as the reference)", example = "0.99")
        double machineScale,
        @Schema(description = "Levenberg-Marquardt iterations", example = "5") int iterations,
        @Schema(description = "Model evaluations of the optimizer", example = "6") int evaluations,
        @ArraySchema(arraySchema = @Schema(description = "Every parameter of the model, fitted or kept"), maxItems = 200)
        List<ParameterEntry> parameters,
        @ArraySchema(arraySchema = @Schema(description = "Every given figure: fitted ones, and held-out ones as predictions"), maxItems = 64)
        List<TestEntry> tests,
        @ArraySchema(arraySchema = @Schema(description = "The kvm-unit-tests set in an L2 VM of the calibration's kernel: how far the fit "
                + "moved the prediction from the reference's"), maxItems = 64)
        List<L2Shift> l2Predictions,
        @ArraySchema(arraySchema = @Schema(description = "Per output given, what of it was not used"), maxItems = 2)
        List<OutputNotes> outputs) {

    public static final int SCHEMA_VERSION = 1;

    public CalibrationReport {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        parameters = List.copyOf(parameters);
        tests = List.copyOf(tests);
        l2Predictions = List.copyOf(l2Predictions);
        outputs = List.copyOf(outputs);
    }

    /** What an output had that the fit did not use. */
    @Schema(name = "CalibrationOutputNotes")
    public record OutputNotes(
            @Schema(description = "The request field", example = "l1VmexitOutput") String field,
            @ArraySchema(arraySchema = @Schema(description = "Tests in the output the model does not know: listed, not used"),
                    maxItems = VmexitOutput.MAX_LISTED) List<String> ignored,
            @ArraySchema(arraySchema = @Schema(description = "Tests the output reports as skipped"), maxItems = VmexitOutput.MAX_LISTED)
            List<String> skipped) {
    }

    /** One parameter after the fit. */
    @Schema(name = "CalibrationParameter")
    public record ParameterEntry(
            @Schema(description = "The parameter", example = "HYPERCALL_HANDLER") String name,
            @Schema(description = "How its reference value was obtained", example = "FITTED") Param.Basis basis,
            @Schema(description = "Its unit", example = "cycles") String unit,
            @Schema(description = "The reference value at the calibration's clock", example = "447") double reference,
            @Schema(description = "The value after the fit (the reference when not fitted)", example = "467.3") double value,
            @Schema(description = "The fit's low bound; null when not fitted", nullable = true, example = "111.75") Double low,
            @Schema(description = "The fit's high bound; null when not fitted", nullable = true, example = "1788") Double high,
            @Schema(description = "Whether the fit solved it", example = "true") boolean fitted,
            @Schema(description = "Whether the solution sits on a bound", example = "false") boolean atBound,
            @ArraySchema(arraySchema = @Schema(description = "The given figures whose prediction depends on it, as test@level"), maxItems = 64)
            List<String> identifiedBy,
            @Schema(description = "Why it was or was not fitted", example = "fitted to vmcall@L1, within a quarter to four times the reference")
            String note) {
    }

    /** One given figure. */
    @Schema(name = "CalibrationTest")
    public record TestEntry(
            @Schema(description = "0 native, 1 an L1 VM, 2 an L2 VM", example = "1") int level,
            @Schema(description = "The kvm-unit-tests test", example = "vmcall") String name,
            @Schema(description = "Cycles the output gave", example = "1544") double given,
            @Schema(description = "Cycles the fitted calibration predicts", example = "1543.2") double predicted,
            @Schema(description = "Cycles the reference calibration predicts", example = "1554") double reference,
            @Schema(description = "predicted - given", example = "-0.8") double residualCycles,
            @Schema(description = "predicted / given - 1", example = "-0.0005") double relativeResidual,
            @Schema(description = "Whether the fit left it out (holdOut): the residual is then a prediction error", example = "false")
            boolean heldOut) {
    }

    /** A microbenchmark's L2 prediction, reference and calibrated. */
    @Schema(name = "CalibrationL2Shift")
    public record L2Shift(
            @Schema(description = "The kvm-unit-tests test", example = "vmcall") String name,
            @Schema(description = "Cycles the reference predicts in an L2 VM", example = "33582") double reference,
            @Schema(description = "Cycles the calibration predicts in an L2 VM", example = "33610") double calibrated,
            @Schema(description = "calibrated / reference - 1", example = "0.0008") double relativeChange) {
    }

    /** The calibration a host on it computes with: the stored values over the reference (a parameter unknown to this version is skipped). */
    public Calibration calibration() {
        Calibration c = Calibration.DEFAULT;
        for (Param p : Param.values()) {
            Double v = values.get(p.name());
            if (v != null) {
                c = c.with(p, v);
            }
        }
        return c;
    }

    static CalibrationReport of(CalibrationFit fit, CalibrationPaths paths, Map<String, VmexitOutput> outputs) {
        Map<String, Double> values = new LinkedHashMap<>();
        fit.calibration().values().forEach((p, v) -> values.put(p.name(), v));
        List<ParameterEntry> parameters = new ArrayList<>();
        for (CalibrationFit.ParamFit p : fit.parameters()) {
            parameters.add(new ParameterEntry(p.param().name(), p.param().basis(), p.param().unit(), p.reference(), p.value(),
                    Double.isNaN(p.low()) ? null : p.low(), Double.isNaN(p.high()) ? null : p.high(), p.fitted(), p.atBound(),
                    p.identifiedBy(), p.note()));
        }
        List<TestEntry> tests = new ArrayList<>();
        for (CalibrationFit.Residual r : fit.residuals()) {
            tests.add(new TestEntry(r.level(), r.benchmark().apiName(), r.given(), r.predicted(), r.reference(), r.residualCycles(),
                    r.relative(), r.heldOut()));
        }
        List<L2Shift> l2 = new ArrayList<>();
        Predictions.Row[] rows = Predictions.rows(paths.baseline(2), fit.calibration(), CalibrationFitter.referenceAt(
                paths.nativeHost().host().hardware().clockGhz()), VmexitOutput.microbenchmarks());
        for (Predictions.Row row : rows) {
            l2.add(new L2Shift(row.benchmark().apiName(), row.reference(), row.calibrated(), row.calibrated() / row.reference() - 1));
        }
        List<OutputNotes> notes = new ArrayList<>();
        outputs.forEach((field, out) -> notes.add(new OutputNotes(field, out.ignored(), out.skipped())));
        return new CalibrationReport(SCHEMA_VERSION, values, fit.rmsRelative(), fit.machineScale(), fit.iterations(), fit.evaluations(),
                parameters, tests, l2, notes);
    }
}
