package dev.nestsim.experiments.web;

import dev.nestsim.experiments.ExperimentResults;
import dev.nestsim.model.workload.Estimate;
import dev.nestsim.runs.RunMetricEntity;
import java.util.UUID;

/**
 * An experiment's results as CSV (RFC 4180): a header, then per cell (in the experiment's order) one row per metric of
 * its run's result and a row named {@code normalizedToNative} (unit {@code ratio}) where the workload has a native
 * counterpart. A cell without a result (its run not SUCCEEDED, or not yet submitted) has one row with its status and
 * the metric columns empty.
 */
final class ResultsCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final String HEADER = "experiment_id,configuration,workload,run_id,status,run_level,name,unit,level,reason,mean,half_width,confidence,n";

    private ResultsCsv() {
    }

    static String of(ExperimentResults.Results results) {
        UUID id = results.experiment().experiment().getId();
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (ExperimentResults.CellResult c : results.cells()) {
            String prefix = id + "," + quoted(c.configuration().name()) + "," + quoted(c.cell().workload()) + ","
                    + (c.cell().runId() == null ? "" : c.cell().runId()) + "," + (c.cell().runStatus() == null ? "WAITING" : c.cell().runStatus()) + ",";
            if (c.result() == null) {
                csv.append(prefix).append(",,,,,,,,").append("\r\n");
                continue;
            }
            String level = c.result().result().getLevel() + ",";
            for (RunMetricEntity m : c.result().metrics()) {
                csv.append(prefix).append(level).append(quoted(m.getName())).append(',').append(quoted(m.getUnit())).append(',')
                        .append(m.getLevel() == null ? "" : m.getLevel()).append(',').append(m.getReason() == null ? "" : m.getReason())
                        .append(',').append(m.getMean()).append(',').append(m.getHalfWidth()).append(',').append(m.getConfidence())
                        .append(',').append(m.getN()).append("\r\n");
            }
            Estimate normalized = c.result().result().getNormalizedToNative();
            if (normalized != null) {
                csv.append(prefix).append(level).append("normalizedToNative,ratio,,,").append(normalized.mean()).append(',')
                        .append(normalized.halfWidth()).append(',').append(normalized.confidence()).append(',').append(normalized.n()).append("\r\n");
            }
        }
        return csv.toString();
    }

    /** A field quoted when it holds a comma, a quote or a line break. */
    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
