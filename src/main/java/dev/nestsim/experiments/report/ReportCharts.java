package dev.nestsim.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * An experiment's charts, drawn with JFreeChart on JFreeSVG's {@code Graphics2D} (no SVG written by hand). Each chart's
 * SVG element has the chart's name as its id and as the prefix of every id it defines, so several charts can sit in one
 * page, and the same figures always give the same SVG.
 */
final class ReportCharts {

    static final String NORMALIZED = "normalized-performance";
    static final String MICROBENCHMARK_CYCLES = "microbenchmark-cycles";
    static final String CPU_PER_LEVEL = "cpu-per-level";

    private static final int WIDTH = 960;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /**
     * A chart ready to be shown.
     *
     * @param name    its name, as in {@code /charts/{name}.svg}
     * @param title   its title
     * @param caption what it shows, in a sentence
     * @param svg     its SVG element
     */
    record Chart(String name, String title, String caption, String svg) {
    }

    static {
        // JFreeChart draws rotated text (a value axis' label, category labels at an angle) through TextLayout by default,
        // which JFreeSVG writes as glyph outlines; drawn with drawString it stays <text>: searchable, selectable, smaller
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ReportCharts() {
    }

    /** The names of the charts the figures make, in the report's order. */
    static List<String> names(Figures f) {
        List<String> names = new ArrayList<>(List.of(NORMALIZED, MICROBENCHMARK_CYCLES, CPU_PER_LEVEL));
        f.exitProfiles().forEach(p -> names.add(p.chart()));
        return names;
    }

    /** Every chart, in the report's order. */
    static List<Chart> all(Figures f) {
        return names(f).stream().map(n -> chart(f, n)).toList();
    }

    /** The chart of this name; the name must be one of {@link #names}. */
    static Chart chart(Figures f, String name) {
        switch (name) {
            case NORMALIZED:
                return normalized(f);
            case MICROBENCHMARK_CYCLES:
                return microbenchmarkCycles(f);
            case CPU_PER_LEVEL:
                return cpuPerLevel(f);
            default:
                Figures.ExitProfile p = f.exitProfiles().stream().filter(x -> x.chart().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no chart named " + name + "; charts: " + names(f)));
                return exitProfile(f, p);
        }
    }

    private static Chart normalized(Figures f) {
        StatisticalBarRenderer bars = new StatisticalBarRenderer();
        bars.setErrorIndicatorPaint(Color.BLACK);
        bars.setErrorIndicatorStroke(new BasicStroke(1f));
        NumberAxis y = new NumberAxis("Performance normalised to native (1 = native)");
        CategoryAxis x = new CategoryAxis("Application workload");
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        CategoryPlot plot = new CategoryPlot(f.normalized(), x, y, flat(bars));
        String title = "Application performance normalised to native";
        return render(NORMALIZED, title, "Per application workload and configuration, the mean over the replications of the "
                + "performance relative to native on the same host, with its 95% confidence interval as error bars.", f, plot, 520);
    }

    private static Chart microbenchmarkCycles(Figures f) {
        LogAxis y = new LogAxis("Cycles per operation (log scale)");
        y.setBase(10);
        y.setNumberFormatOverride(new DecimalFormat("#,##0"));
        y.setTickUnit(new NumberTickUnit(1), false, true);
        fitDecades(y, f.microbenchmarkCycles());
        BarRenderer bars = new BarRenderer();
        bars.setIncludeBaseInRange(false);
        CategoryPlot plot = new CategoryPlot(f.microbenchmarkCycles(), new CategoryAxis("Microbenchmark"), y, flat(bars));
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return render(MICROBENCHMARK_CYCLES, "Microbenchmark cycles per configuration", "Per microbenchmark and configuration, "
                + "the CPU cycles of one operation (exact: the cascade is evaluated once), on a logarithmic axis.", f, plot, 560);
    }

    private static Chart cpuPerLevel(Figures f) {
        CategoryAxis x = new CategoryAxis("Application workload · configuration");
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        CategoryPlot plot = new CategoryPlot(f.cpuPerLevel(), x, new NumberAxis("CPUs busy"), flat(new StackedBarRenderer()));
        int width = Math.max(WIDTH, 200 + 22 * f.cpuPerLevel().getColumnCount());
        return render(CPU_PER_LEVEL, "CPU per level", "Per application workload and configuration, the CPUs each level's software "
                + "keeps busy (L0 includes the hardware transitions and halt polling for its guests), stacked.", f, plot, width, 640);
    }

    private static Chart exitProfile(Figures f, Figures.ExitProfile p) {
        CategoryPlot plot = new CategoryPlot(p.exits(), new CategoryAxis("Configuration · level"),
                new NumberAxis("Exits seen per operation (" + p.unit() + ")"), flat(new StackedBarRenderer()));
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        int height = Math.max(320, 200 + 24 * p.exits().getColumnCount());
        return render(p.chart(), "Exit profile of " + p.workload(), "For " + p.workload() + ", per configuration and level, the "
                + "exits that level saw per operation (handled there, or reflected on their way to a guest hypervisor), by exit "
                + "reason.", f, plot, WIDTH, height);
    }

    private static BarRenderer flat(BarRenderer bars) {
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setItemMargin(0.02);
        return bars;
    }

    /** The log axis from the decade below the smallest value to the decade above the largest (its default starts near 0). */
    private static void fitDecades(ValueAxis axis, CategoryDataset data) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int r = 0; r < data.getRowCount(); r++) {
            for (int c = 0; c < data.getColumnCount(); c++) {
                Number v = data.getValue(r, c);
                if (v != null && v.doubleValue() > 0) {
                    min = Math.min(min, v.doubleValue());
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        if (max > 0) {
            axis.setRange(Math.pow(10, Math.floor(Math.log10(min))), Math.pow(10, Math.ceil(Math.log10(max * 1.0001))));
        }
    }

    private static Chart render(String name, String title, String caption, Figures f, CategoryPlot plot, int height) {
        return render(name, title, caption, f, plot, WIDTH, height);
    }

    private static Chart render(String name, String title, String caption, Figures f, CategoryPlot plot, int width, int height) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setNoDataMessage("No results yet for this chart");
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        if (f.partial()) {
            chart.addSubtitle(new TextTitle("Partial: " + f.cellsDone() + " of " + f.cellsTotal() + " cells have results", SUBTITLE));
        }
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(name + "-");
        g2.setGeomDoubleConverter(ReportCharts::twoDecimals);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return new Chart(name, title, caption, g2.getSVGElement(name, true, new ViewBox(0, 0, width, height), null, null));
    }

    /** A coordinate with at most two decimals (a hundredth of a pixel), the shortest way: {@code 728.28}, {@code 12.5}, {@code -3}. */
    static String twoDecimals(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) > 1e15) {
            return Double.toString(v);
        }
        long hundredths = Math.round(v * 100);
        long whole = Math.abs(hundredths) / 100;
        long fraction = Math.abs(hundredths) % 100;
        String sign = hundredths < 0 ? "-" : "";
        if (fraction == 0) {
            return sign + whole;
        }
        String decimals = fraction < 10 ? "0" + fraction : fraction % 10 == 0 ? String.valueOf(fraction / 10) : String.valueOf(fraction);
        return sign + whole + "." + decimals;
    }
}
