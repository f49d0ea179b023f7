package dev.nestsim.experiments.report;

import dev.nestsim.experiments.ExperimentCell;
import dev.nestsim.experiments.ExperimentSucceeded;
import dev.nestsim.experiments.ExperimentProblems.UnknownChartException;
import dev.nestsim.experiments.ExperimentResults;
import dev.nestsim.experiments.ExperimentService;
import dev.nestsim.experiments.ExperimentView;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An experiment's report and charts. Those of a finished experiment (SUCCEEDED, FAILED or CANCELLED with no run of it still
 * active) can no longer change, so they are rendered once and kept for the {@value #CACHED_EXPERIMENTS} experiments asked
 * for most recently; a SUCCEEDED experiment's are rendered as soon as it succeeds, on a thread of their own, so that the
 * first reader finds them ready. An experiment still running is rendered anew at each request, with the cells that have no
 * result yet left out of the charts and marked in the page. Every request first reads the experiment, so a deleted one is
 * 404.
 */
@Service
public class ExperimentReports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExperimentReports.class);

    /** How many finished experiments' renderings are kept (least recently asked for goes first). */
    static final int CACHED_EXPERIMENTS = 16;
    /** Renderings waiting for the renderer thread, beyond which a newly succeeded experiment waits for its first reader. */
    static final int QUEUED_RENDERINGS = 4;

    private final ExperimentService experiments;
    private final ExperimentResults results;
    private final Map<UUID, Rendered> finished = new LinkedHashMap<>(CACHED_EXPERIMENTS * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Rendered> eldest) {
            return size() > CACHED_EXPERIMENTS;
        }
    };
    private final Map<UUID, CompletableFuture<Rendered>> rendering = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor renderer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUED_RENDERINGS), r -> {
                Thread t = new Thread(r, "experiment-report-renderer");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    ExperimentReports(ExperimentService experiments, ExperimentResults results) {
        this.experiments = experiments;
        this.results = results;
    }

    private record Rendered(String html, Map<String, String> charts) {
    }

    /** The report's HTML page (404 for an unknown experiment). */
    public String html(UUID experimentId) {
        ExperimentView view = experiments.get(experimentId);
        return finished(view) ? renderedOnce(view).html() : render(view).html();
    }

    /** One chart's SVG element (404 for an unknown experiment, or naming the charts there are for an unknown chart). */
    public String svg(UUID experimentId, String chart) {
        ExperimentView view = experiments.get(experimentId);
        if (finished(view)) {
            Map<String, String> charts = renderedOnce(view).charts();
            String svg = charts.get(chart);
            if (svg == null) {
                throw new UnknownChartException(experimentId, chart, List.copyOf(charts.keySet()));
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

    /** Renders a SUCCEEDED experiment's report ahead of its first reader (dropped when the renderer has enough waiting). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void succeeded(ExperimentSucceeded event) {
        renderer.execute(() -> {
            try {
                ExperimentView view = experiments.get(event.experimentId());
                if (finished(view)) {
                    renderedOnce(view);
                }
            } catch (RuntimeException e) {
                log.warn("report of experiment {} not rendered ahead: {}", event.experimentId(), e.toString());
            }
        });
    }

    /** A finished experiment's rendering: from memory, or waiting for the one under way, or made now (and kept). */
    private Rendered renderedOnce(ExperimentView view) {
        UUID id = view.experiment().getId();
        synchronized (finished) {
            Rendered cached = finished.get(id);
            if (cached != null) {
                return cached;
            }
        }
        CompletableFuture<Rendered> mine = new CompletableFuture<>();
        CompletableFuture<Rendered> under = rendering.putIfAbsent(id, mine);
        if (under != null) {
            return under.join();
        }
        try {
            Rendered rendered = render(view);
            synchronized (finished) {
                finished.put(id, rendered);
            }
            mine.complete(rendered);
            return rendered;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(id);
        }
    }

    private Rendered render(ExperimentView view) {
        ExperimentResults.Results all = results.of(view);
        Figures figures = Figures.of(all);
        List<ReportCharts.Chart> charts = ReportCharts.all(figures);
        Map<String, String> svgs = new LinkedHashMap<>();
        charts.forEach(c -> svgs.put(c.name(), c.svg()));
        return new Rendered(ReportPage.html(all, figures, charts, finished(view)), Collections.unmodifiableMap(svgs));
    }

    /** Whether the experiment's rendering is in memory. */
    boolean rendered(UUID experimentId) {
        synchronized (finished) {
            return finished.containsKey(experimentId);
        }
    }

    /** Terminal, and no run of it QUEUED or RUNNING any more (a cancelled experiment's runs may still be stopping). */
    static boolean finished(ExperimentView view) {
        return view.experiment().getStatus().isTerminal() && view.cells().stream().noneMatch(ExperimentCell::active);
    }

    @Override
    public void destroy() {
        renderer.shutdownNow();
    }
}
