package dev.nestsim.experiments.report;

import dev.nestsim.experiments.ExperimentCell;
import dev.nestsim.experiments.ExperimentProblems.UnknownChartException;
import dev.nestsim.experiments.ExperimentResults;
import dev.nestsim.experiments.ExperimentService;
import dev.nestsim.experiments.ExperimentView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * An experiment's report and charts. Those of a finished experiment (SUCCEEDED, FAILED or CANCELLED with no run of it still
 * active) can no longer change, so they are rendered once and kept for the {@value #CACHED_EXPERIMENTS} experiments asked
 * for most recently; an experiment still running is rendered anew at each request, with the cells that have no result yet
 * left out of the charts and marked in the page. Every request first reads the experiment, so a deleted one is 404.
 */
@Service
public class ExperimentReports {

    /** How many finished experiments' renderings are kept (least recently asked for goes first). */
    static final int CACHED_EXPERIMENTS = 16;

    private final ExperimentService experiments;
    private final ExperimentResults results;
    private final Map<UUID, Rendered> finished = new LinkedHashMap<>(CACHED_EXPERIMENTS * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Rendered> eldest) {
            return size() > CACHED_EXPERIMENTS;
        }
    };

    ExperimentReports(ExperimentService experiments, ExperimentResults results) {
        this.experiments = experiments;
        this.results = results;
    }

    private record Rendered(String html, Map<String, String> charts) {
    }

    /** The report's HTML page (404 for an unknown experiment). */
    public String html(UUID experimentId) {
        ExperimentView view = experiments.get(experimentId);
        Rendered cached = cached(view);
        if (cached != null) {
            return cached.html();
        }
        return render(view).html();
    }

    /** One chart's SVG element (404 for an unknown experiment, or naming the charts there are for an unknown chart). */
    public String svg(UUID experimentId, String chart) {
        ExperimentView view = experiments.get(experimentId);
        Rendered cached = cached(view);
        if (cached == null && finished(view)) {
            cached = render(view);
        }
        if (cached != null) {
            String svg = cached.charts().get(chart);
            if (svg == null) {
                throw new UnknownChartException(experimentId, chart, List.copyOf(cached.charts().keySet()));
            }
            return svg;
        }
        Figures figures = Figures.of(results.of(view));
        List<String> names = ReportCharts.names(figures);
        if (!names.contains(chart)) {
            throw new UnknownChartException(experimentId, chart, names);
        }
        return ReportCharts.chart(figures, chart).svg();
    }

    private Rendered render(ExperimentView view) {
        ExperimentResults.Results all = results.of(view);
        Figures figures = Figures.of(all);
        List<ReportCharts.Chart> charts = ReportCharts.all(figures);
        boolean done = finished(view);
        Map<String, String> svgs = new LinkedHashMap<>();
        charts.forEach(c -> svgs.put(c.name(), c.svg()));
        Rendered rendered = new Rendered(ReportPage.html(all, figures, charts, done), java.util.Collections.unmodifiableMap(svgs));
        if (done) {
            synchronized (finished) {
                finished.put(view.experiment().getId(), rendered);
            }
        }
        return rendered;
    }

    private Rendered cached(ExperimentView view) {
        if (!finished(view)) {
            return null;
        }
        synchronized (finished) {
            return finished.get(view.experiment().getId());
        }
    }

    /** Terminal, and no run of it QUEUED or RUNNING any more (a cancelled experiment's runs may still be stopping). */
    static boolean finished(ExperimentView view) {
        return view.experiment().getStatus().isTerminal() && view.cells().stream().noneMatch(ExperimentCell::active);
    }
}
