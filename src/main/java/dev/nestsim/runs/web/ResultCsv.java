package dev.nestsim.runs.web;

import dev.nestsim.model.workload.Estimate;
import dev.nestsim.runs.RunEntity;
import dev.nestsim.runs.RunMetricEntity;
import dev.nestsim.runs.RunResult;
import java.util.List;

/**
 * A run's result as CSV (RFC 4180): a header, one row per metric in the result's order (the exit profile's rows carry
 * their exit reason, every other row leaves it empty), then a row named {@code normalizedToNative} (unit
 * {@code ratio}) when the workload has a native counterpart, and for a microbenchmark a row {@code cyclesVsNative} (its
 * slowdown against bare metal). Metric rows across runs ({@link #ofRows}) have the same columns.
 */
final class ResultCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final String HEADER = "run_id,workload,target_kind,target_id,run_level,name,unit,level,reason,mean,half_width,confidence,n";

    private ResultCsv() {
    }

    static String of(RunResult stored) {
        RunEntity run = stored.run();
        String prefix = run.getId() + "," + quoted(run.getWorkload()) + "," + run.getTarget().kind() + "," + run.getTarget().id() + ","
                + stored.result().getLevel() + ",";
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (RunMetricEntity m : stored.metrics()) {
            metric(csv.append(prefix), m);
        }
        Estimate normalized = stored.result().getNormalizedToNative();
        if (normalized != null) {
            csv.append(prefix).append("normalizedToNative,ratio,,,").append(normalized.mean()).append(',').append(normalized.halfWidth())
                    .append(',').append(normalized.confidence()).append(',').append(normalized.n()).append("\r\n");
            Double slowdown = RunResultResponse.cyclesVsNative(stored.result());
            if (slowdown != null) {
                csv.append(prefix).append("cyclesVsNative,ratio,,,").append(slowdown).append(",0.0,").append(normalized.confidence())
                        .append(',').append(normalized.n()).append("\r\n");
            }
        }
        return csv.toString();
    }

    /** Metric rows of any runs (GET /api/v1/metrics), each with its own run, in the same columns. */
    static String ofRows(List<RunMetricEntity> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (RunMetricEntity m : rows) {
            csv.append(m.getRunId()).append(',').append(quoted(m.getWorkload())).append(',').append(m.getTarget().kind()).append(',')
                    .append(m.getTarget().id()).append(',').append(m.getRunLevel()).append(',');
            metric(csv, m);
        }
        return csv.toString();
    }

    private static void metric(StringBuilder csv, RunMetricEntity m) {
        csv.append(quoted(m.getName())).append(',').append(quoted(m.getUnit())).append(',')
                .append(m.getLevel() == null ? "" : m.getLevel()).append(',').append(m.getReason() == null ? "" : m.getReason())
                .append(',').append(m.getMean()).append(',').append(m.getHalfWidth())
                .append(',').append(m.getConfidence()).append(',').append(m.getN()).append("\r\n");
    }

    /** A field quoted when it holds a comma, a quote or a line break. */
    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
