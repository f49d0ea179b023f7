package dev.nestsim.experiments.web;

import dev.nestsim.api.ProblemResponse;
import dev.nestsim.experiments.report.ExperimentReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An experiment's report, a self-contained HTML page of charts, and each of its charts as an SVG image. */
@RestController
@RequestMapping(path = "/api/v1/experiments/{id}")
@Tag(name = "Experiments")
@ApiResponse(responseCode = "500", description = "Unexpected error (logged with an incident id)",
        content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
class ExperimentReportController {

    static final String HTML = "text/html";
    static final String SVG = "image/svg+xml";
    /** The most characters a report or chart has, as published (bounded cells and workloads keep them far below). */
    static final int MAX_DOCUMENT_CHARS = 16 * 1024 * 1024;
    private static final MediaType HTML_UTF8 = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final MediaType SVG_UTF8 = new MediaType("image", "svg+xml", StandardCharsets.UTF_8);
    private static final String NOT_FOUND = """
            {"type":"https://nestsim.dev/problems/not-found","title":"No such resource","status":404,\
            "detail":"no experiment with id 5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70",\
            "instance":"/api/v1/experiments/5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70/report"}""";
    private static final String UNKNOWN_CHART = """
            {"type":"https://nestsim.dev/problems/not-found","title":"No such resource","status":404,\
            "detail":"1 problem (known-chart): see errors","instance":"/api/v1/experiments/5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70/charts/pie.svg",\
            "errors":[{"field":"chart","pointer":null,"rule":"known-chart","message":"chart must be one of [normalized-performance, \
            microbenchmark-cycles, cpu-per-level, exit-profile-memcached, exit-profile-hypercall], was 'pie'"}]}""";

    private final ExperimentReports reports;

    ExperimentReportController(ExperimentReports reports) {
        this.reports = reports;
    }

    @GetMapping(path = "/report", produces = HTML)
    @Operation(operationId = "getExperimentReport", summary = "The report of an experiment, an HTML page of charts", description = "One "
            + "self-contained HTML page (inline SVG; no script, font, image or style sheet loaded from elsewhere) with the experiment's "
            + "summary, its charts (the same SVG as GET /charts/{chart}.svg: normalised performance per application workload and "
            + "configuration with 95% error bars, microbenchmark cycles on a log axis, stacked CPU per level, and each workload's exit "
            + "profile per level) and the table of its cells. Available while the experiment runs: the charts show the cells that have "
            + "results, the page says it is partial and marks the others, and it reloads itself every 10 s until the experiment has "
            + "finished. A finished experiment's report is rendered once and then served from memory.")
    @ApiResponse(responseCode = "200", description = "The report", content = @Content(mediaType = HTML, schema = @Schema(type = "string", maxLength = MAX_DOCUMENT_CHARS),
            examples = @ExampleObject("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    + "<title>Experiment report: asplos20</title>...")))
    @ApiResponse(responseCode = "404", description = "No such experiment", content = @Content(mediaType = ExperimentsApiDocs.PROBLEM,
            schema = @Schema(implementation = ProblemResponse.class), examples = @ExampleObject(NOT_FOUND)))
    ResponseEntity<String> report(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(HTML_UTF8).body(reports.html(id));
    }

    @GetMapping(path = "/charts/{chart}.svg", produces = SVG)
    @Operation(operationId = "getExperimentChart", summary = "One chart of an experiment's report, as SVG", description = "The chart "
            + "exactly as the report inlines it, drawn with JFreeChart: normalized-performance, microbenchmark-cycles, cpu-per-level, and "
            + "exit-profile-{workload} for each workload of the experiment (a workload run twice has a second chart with -2). An unknown "
            + "name is 404 listing the experiment's charts. While the experiment runs the chart shows the cells that have results and "
            + "says it is partial.")
    @ApiResponse(responseCode = "200", description = "The chart", content = @Content(mediaType = SVG, schema = @Schema(type = "string", maxLength = MAX_DOCUMENT_CHARS),
            examples = @ExampleObject("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"normalized-performance\" width=\"960\" "
                    + "height=\"520\" viewBox=\"0 0 960 520\">...</svg>")))
    @ApiResponse(responseCode = "404", description = "No such experiment, or no such chart in it (the error lists the experiment's charts)",
            content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class),
                    examples = @ExampleObject(UNKNOWN_CHART)))
    ResponseEntity<String> chart(@PathVariable UUID id,
                                 @Parameter(description = "The chart's name, without .svg", example = "normalized-performance")
                                 @PathVariable String chart) {
        return ResponseEntity.ok().contentType(SVG_UTF8).body(reports.svg(id, chart));
    }
}
