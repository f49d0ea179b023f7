package dev.nestsim.experiments.report;

import dev.nestsim.experiments.ExperimentCell;
import dev.nestsim.experiments.ExperimentEntity;
import dev.nestsim.experiments.ExperimentResults;
import dev.nestsim.experiments.ExperimentResults.CellResult;
import dev.nestsim.model.workload.Estimate;
import dev.nestsim.model.workload.Metric;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * An experiment's report as one self-contained HTML page: a summary, every chart's SVG inline, and the table of cells with
 * the ones that have no result yet marked. Nothing is loaded from elsewhere (no script, font, image or style sheet); every
 * string that comes from a request (the experiment's, configurations' and workloads' names, a failure's detail) is
 * HTML-escaped. An experiment not finished yet gets a page that reloads itself every 10 seconds.
 */
final class ReportPage {

    static final int RELOAD_SECONDS = 10;

    private static final String STYLE = """
            body{font-family:sans-serif;margin:2em;max-width:1600px;color:#222}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}
            figure{margin:0}svg{max-width:100%;height:auto;border:1px solid #ddd}
            figcaption{font-size:.9em;color:#555;margin:.4em 0}
            .partial{background:#fff4d6;border:1px solid #e0b84c;padding:.6em}
            table{border-collapse:collapse;font-size:.9em}th,td{border:1px solid #ccc;padding:.2em .6em;text-align:left}
            td.n{text-align:right}tr.pending td{color:#a05a00;font-style:italic}""";

    private ReportPage() {
    }

    static String html(ExperimentResults.Results results, Figures figures, List<ReportCharts.Chart> charts, boolean finished) {
        ExperimentEntity e = results.experiment().experiment();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        // an empty icon of its own, so that the browser does not ask the API for /favicon.ico
        h.append("<link rel=\"icon\" href=\"data:,\">\n");
        if (!finished) {
            h.append("<meta http-equiv=\"refresh\" content=\"").append(RELOAD_SECONDS).append("\">\n");
        }
        h.append("<title>Experiment report: ").append(esc(e.getName())).append("</title>\n<style>").append(STYLE).append("</style>\n");
        h.append("</head>\n<body>\n<h1>Experiment report: ").append(esc(e.getName())).append("</h1>\n");
        summary(h, results, figures, finished);
        h.append("<nav><ul>\n");
        for (ReportCharts.Chart c : charts) {
            h.append("<li><a href=\"#chart-").append(c.name()).append("\">").append(esc(c.title())).append("</a></li>\n");
        }
        h.append("<li><a href=\"#cells\">Cells</a></li>\n</ul></nav>\n");
        for (ReportCharts.Chart c : charts) {
            h.append("<section id=\"chart-").append(c.name()).append("\" class=\"chart\">\n<h2>").append(esc(c.title())).append("</h2>\n<figure>\n")
                    .append(c.svg()).append("\n<figcaption>").append(esc(c.caption())).append(" <a href=\"charts/").append(c.name())
                    .append(".svg\">SVG</a></figcaption>\n</figure>\n</section>\n");
        }
        cells(h, results);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, ExperimentResults.Results results, Figures figures, boolean finished) {
        ExperimentEntity e = results.experiment().experiment();
        h.append("<p class=\"summary\">Status <strong id=\"status\">").append(e.getStatus()).append("</strong>; seed ").append(e.getSeed())
                .append("; ").append(e.getReplications()).append(" replications per cell; ").append(figures.cellsDone()).append(" of ")
                .append(figures.cellsTotal()).append(" cells with results; created ").append(e.getCreatedAt());
        if (e.getFinishedAt() != null) {
            h.append(", finished ").append(e.getFinishedAt());
        }
        h.append(".</p>\n");
        if (e.getProblemDetail() != null) {
            h.append("<p class=\"partial\">").append(esc(e.getProblemDetail())).append("</p>\n");
        }
        if (figures.partial()) {
            h.append("<p class=\"partial\" id=\"partial\">Partial report: the experiment is ").append(e.getStatus()).append(" and ")
                    .append(figures.missing().size()).append(" of ").append(figures.cellsTotal())
                    .append(" cells have no result, so the charts leave them out; they are marked in the table of cells below");
            h.append(finished ? "." : ". This page reloads every " + RELOAD_SECONDS + " s until the experiment has finished.");
            h.append("</p>\n");
        }
    }

    private static void cells(StringBuilder h, ExperimentResults.Results results) {
        Map<Integer, String> workloads = Figures.workloadLabels(results);
        h.append("<section id=\"cells\">\n<h2>Cells</h2>\n<table>\n<thead><tr><th>Configuration</th><th>Workload</th><th>Status</th>")
                .append("<th>Level</th><th>Primary metric</th><th>Normalised to native</th><th>Run</th></tr></thead>\n<tbody>\n");
        for (CellResult c : results.cells()) {
            ExperimentCell cell = c.cell();
            boolean pending = c.result() == null;
            h.append(pending ? "<tr class=\"pending\">" : "<tr>").append("<td>").append(esc(c.configuration().name())).append("</td><td>")
                    .append(esc(workloads.get(cell.workloadPosition()))).append("</td><td>")
                    .append(cell.runStatus() == null ? "WAITING" : cell.runStatus()).append(pending ? " (no result yet)" : "").append("</td>");
            if (pending) {
                h.append("<td></td><td></td><td></td>");
            } else {
                Metric primary = c.result().result().getPrimary();
                Estimate n = c.result().result().getNormalizedToNative();
                h.append("<td class=\"n\">L").append(c.result().result().getLevel()).append("</td><td class=\"n\">")
                        .append(esc(primary.name())).append(' ').append(estimate(primary.estimate())).append(' ').append(esc(primary.unit()))
                        .append("</td><td class=\"n\">").append(n == null ? "" : estimate(n)).append("</td>");
            }
            h.append("<td>").append(cell.runId() == null ? "" : "<a href=\"/api/v1/runs/" + cell.runId() + "/result\">" + cell.runId() + "</a>")
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static String estimate(Estimate e) {
        return e.halfWidth() > 0 ? format(e.mean()) + " ± " + format(e.halfWidth()) : format(e.mean());
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 1000 || v == 0 ? "%.0f" : "%.4g", v);
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
