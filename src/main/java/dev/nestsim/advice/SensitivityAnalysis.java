package dev.nestsim.advice;

import dev.nestsim.experiments.RatioInterval;
import dev.nestsim.model.exits.Calibration;
import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.exits.Param;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.HypervisorSettings;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.Path;
import dev.nestsim.model.topology.ViommuMode;
import dev.nestsim.model.workload.Estimate;
import dev.nestsim.model.workload.RunMonitor;
import dev.nestsim.model.workload.WorkloadResult;
import dev.nestsim.model.workload.WorkloadRunner;
import dev.nestsim.model.workload.Workloads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * One sensitivity analysis, a pure function of its {@link SensitivityInput}: the points to simulate and what they mean.
 *
 * <ol>
 *   <li>Point 0, the configuration at the model's reference parameters ({@link Calibration#DEFAULT}), {@code replications}
 *       replications; the parameters it reads ({@link Calibration#recordingReads}) are the ones that can matter.</li>
 *   <li>Points 1 to {@code m}: each knob alternative the topology rules allow, the configuration with that one knob changed, with
 *       the same seed and replications, so its ratio to point 0 is paired replication by replication.</li>
 *   <li>Then the Morris design ({@link Morris}) over every estimated parameter ({@link Param#hasRange}) point 0 read, each scaled
 *       to its plausible range; each point one replication with the same seed (common random numbers: an elementary effect is
 *       the parameter's doing, not the random streams').</li>
 * </ol>
 * Every point's figure is the run's normalizedToNative, with the native run priced by the same parameters.
 */
final class SensitivityAnalysis {

    /**
     * One knob changed alone.
     *
     * @param knob          the knob's name
     * @param change        from what to what
     * @param candidate     the alternative configuration on the host, with what the rules say of it
     */
    record Alternative(String knob, String change, Candidate candidate) {
    }

    /**
     * A simulated point.
     *
     * @param normalized    normalizedToNative's mean
     * @param halfWidth     its 95% half-width (0 for one replication)
     * @param primaryValues the primary metric in each replication
     */
    record Point(double normalized, double halfWidth, List<Double> primaryValues) {

        Point {
            primaryValues = List.copyOf(primaryValues);
        }
    }

    /**
     * Point 0 and what it read.
     *
     * @param point   its figure
     * @param factors the estimated parameters it read, in declaration order: the Morris factors
     */
    record Base(Point point, List<Param> factors) {
    }

    private final SensitivityInput input;
    private final Candidate base;
    private final List<Alternative> allowed = new ArrayList<>();
    private final List<Alternative> refused = new ArrayList<>();

    SensitivityAnalysis(SensitivityInput input) {
        this.input = input;
        ConfigurationSpace.Request request = input.spaceRequest();
        this.base = candidate(input.configuration(), request);
        for (Alternative a : alternatives(input.configuration(), request)) {
            (a.candidate().violations().isEmpty() ? allowed : refused).add(a);
        }
    }

    /** The knob alternatives the rules allow, in a stable order: points 1 to {@code m}. */
    List<Alternative> alternatives() {
        return List.copyOf(allowed);
    }

    /** Point 0: the configuration at the reference parameters, recording which parameters it reads. */
    Base evaluateBase(RunMonitor monitor) {
        Calibration recording = Calibration.DEFAULT.recordingReads();
        Point point = evaluate(base.path(), recording, input.replications(), monitor);
        List<Param> factors = new ArrayList<>();
        for (Param p : recording.read()) {
            if (p.hasRange() && p.high() > p.low()) {
                factors.add(p);
            }
        }
        return new Base(point, factors);
    }

    /** Point {@code 1 + i}: knob alternative {@code i}. */
    Point evaluateAlternative(int i, RunMonitor monitor) {
        return evaluate(allowed.get(i).candidate().path(), Calibration.DEFAULT, input.replications(), monitor);
    }

    /** The Morris design over {@code factors}. */
    Morris.Design design(List<Param> factors) {
        return Morris.design(factors.size(), input.trajectories(), input.levels(), input.seed());
    }

    /** Morris point {@code j} of the design. */
    Point evaluateMorris(Morris.Design design, List<Param> factors, int j, RunMonitor monitor) {
        return evaluate(base.path(), calibrationAt(design.points().get(j), factors), 1, monitor);
    }

    /** How many points the analysis simulates, given its factors. */
    int points(int factors) {
        return 1 + allowed.size() + input.trajectories() * (factors + 1);
    }

    /** The reference parameters with each factor at its scaled value: {@code low + x (high - low)}. */
    static Calibration calibrationAt(double[] x, List<Param> factors) {
        Calibration c = Calibration.DEFAULT;
        for (int i = 0; i < factors.size(); i++) {
            Param p = factors.get(i);
            c = c.with(p, p.low() + x[i] * (p.high() - p.low()));
        }
        return c;
    }

    private Point evaluate(Path path, Calibration calibration, int replications, RunMonitor monitor) {
        WorkloadRunner runner = Workloads.standard(new CascadeEngine(calibration)).runner(input.workload()).orElseThrow(
                () -> new IllegalStateException("workload " + input.workload() + " is no longer in the catalogue"));
        WorkloadResult result = runner.run(path, input.parameters(), input.seed(), replications, monitor);
        Estimate n = result.normalizedToNative();
        if (n == null) {
            throw new IllegalStateException("workload " + input.workload() + " has no native counterpart to normalize to");
        }
        return new Point(n.mean(), n.halfWidth(), result.primaryValues());
    }

    /** The result from every point: point 0, the alternatives' in order, the Morris points' in design order. */
    SensitivityResult result(Base b, List<Point> alternatives, Morris.Design design, double[] y, boolean higherIsBetter) {
        Point p0 = b.point();
        SensitivityResult.Figure baseFigure = new SensitivityResult.Figure(new AdviceResult.Interval(p0.normalized(), p0.halfWidth()),
                input.replications());
        List<SensitivityResult.KnobEffect> knobs = new ArrayList<>();
        for (int i = 0; i < allowed.size(); i++) {
            Alternative a = allowed.get(i);
            Point p = alternatives.get(i);
            RatioInterval r = higherIsBetter ? RatioInterval.paired(p.primaryValues(), p0.primaryValues(), 0.95)
                    : RatioInterval.paired(p0.primaryValues(), p.primaryValues(), 0.95);
            String summary = String.format(Locale.ROOT, "%s %s: normalizedToNative %.3f -> %.3f (x%.3f%s)", a.knob(), a.change(), p0.normalized(),
                    p.normalized(), r.ratio(), r.lower() == null || r.upper() == null ? ", interval unbounded"
                            : String.format(Locale.ROOT, ", %.3f to %.3f", r.lower(), r.upper()));
            knobs.add(new SensitivityResult.KnobEffect(0, a.knob(), a.change(), a.candidate().configuration(),
                    new AdviceResult.Interval(p.normalized(), p.halfWidth()), r.ratio(), r.lower(), r.upper(), r.method(), summary));
        }
        knobs.sort(Comparator.comparingDouble((SensitivityResult.KnobEffect k) -> -Math.abs(Math.log(k.ratio()))).thenComparing(k -> k.knob() + k.change()));
        List<SensitivityResult.KnobEffect> rankedKnobs = new ArrayList<>();
        for (int i = 0; i < knobs.size(); i++) {
            SensitivityResult.KnobEffect k = knobs.get(i);
            rankedKnobs.add(new SensitivityResult.KnobEffect(i + 1, k.knob(), k.change(), k.configuration(), k.normalizedToNative(), k.ratio(),
                    k.lower(), k.upper(), k.method(), k.summary()));
        }
        List<SensitivityResult.RefusedKnob> refusedKnobs = refused.stream().map(a -> new SensitivityResult.RefusedKnob(a.knob(), a.change(),
                a.candidate().violations().stream().map(v -> v.rule() + ": " + v.message()).toList())).toList();

        List<Param> factors = b.factors();
        List<SensitivityResult.ParameterEffect> parameters = new ArrayList<>();
        SensitivityResult.Spread spread = null;
        if (design != null && !factors.isEmpty()) {
            List<Morris.Effect> effects = new ArrayList<>(Morris.effects(design, y, input.seed()));
            effects.sort(Comparator.comparingDouble((Morris.Effect e) -> -e.muStar()).thenComparing(e -> factors.get(e.factor()).name()));
            int tier = 1;
            double tierFloor = Double.POSITIVE_INFINITY;
            for (int i = 0; i < effects.size(); i++) {
                Morris.Effect e = effects.get(i);
                Param p = factors.get(e.factor());
                if (i > 0 && e.muStarUpper() < tierFloor) {
                    tier++;
                    tierFloor = Double.POSITIVE_INFINITY;
                }
                tierFloor = Math.min(tierFloor, e.muStarLower());
                parameters.add(new SensitivityResult.ParameterEffect(i + 1, tier, p.name(), p.meaning(), p.unit(), p.defaultValue(), p.low(), p.high(),
                        e.muStar(), e.muStarLower(), e.muStarUpper(), e.mu(), e.sigma()));
            }
            spread = new SensitivityResult.Spread(Arrays.stream(y).min().orElseThrow(), Arrays.stream(y).max().orElseThrow(), y.length);
        }
        List<String> unread = new ArrayList<>();
        for (Param p : Param.values()) {
            if (p.hasRange() && p.high() > p.low() && !factors.contains(p)) {
                unread.add(p.name());
            }
        }
        return new SensitivityResult(baseFigure, rankedKnobs, refusedKnobs, parameters, unread, spread,
                conclusion(p0, rankedKnobs, parameters, spread, factors.size()));
    }

    private static String conclusion(Point p0, List<SensitivityResult.KnobEffect> knobs, List<SensitivityResult.ParameterEffect> parameters,
                                     SensitivityResult.Spread spread, int factors) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "At the reference parameters normalizedToNative is %.3f (+- %.3f).",
                p0.normalized(), p0.halfWidth()));
        if (!knobs.isEmpty()) {
            SensitivityResult.KnobEffect k = knobs.get(0);
            s.append(" The knob that moves it most: ").append(k.summary()).append('.');
        }
        if (!parameters.isEmpty() && spread != null) {
            SensitivityResult.ParameterEffect top = parameters.get(0);
            s.append(String.format(Locale.ROOT, " Of the %d estimated parameters the path reads, %s moves it most (mu* %.3f across its range "
                    + "%s to %s, %.3f to %.3f); across every Morris point it spans %.3f to %.3f.", factors, top.parameter(), top.muStar(),
                    trim(top.low()), trim(top.high()), top.muStarLower(), top.muStarUpper(), spread.min(), spread.max()));
            if (!knobs.isEmpty()) {
                double knobMove = Math.abs(knobs.get(0).normalizedToNative().mean() - p0.normalized());
                double estimates = spread.max() - spread.min();
                s.append(knobMove > estimates
                        ? String.format(Locale.ROOT, " The largest knob change (%.3f) exceeds what the estimates' ranges move (%.3f): that "
                                + "conclusion holds whatever the estimated parameters are within their ranges.", knobMove, estimates)
                        : String.format(Locale.ROOT, " The largest knob change (%.3f) is within what the estimates' ranges move (%.3f): that "
                                + "conclusion depends on what the model only estimates; see the top parameters.", knobMove, estimates));
            }
        }
        return s.toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private Candidate candidate(Configuration c, ConfigurationSpace.Request request) {
        return ConfigurationSpace.candidate(0, c, request, EnumSet.allOf(DvhMechanism.class));
    }

    /**
     * Each knob of {@code c} changed alone, in a stable order: the I/O model to each other one, each DVH mechanism toggled (at every
     * level: off where any level has it, else on everywhere), the virtual IOMMU, posted interrupts, VMCS shadowing, halt polling,
     * and (depth 2 or more) the guest hypervisors on each other kernel generation.
     */
    private List<Alternative> alternatives(Configuration given, ConfigurationSpace.Request request) {
        Configuration c = ConfigurationSpace.resolve(given, request);
        List<Alternative> out = new ArrayList<>();
        int depth = request.depth();
        for (IoModel io : IoModel.values()) {
            if (io == c.io()) {
                continue;
            }
            boolean assigned = io == IoModel.PASSTHROUGH || io == IoModel.VIRTUAL_PASSTHROUGH;
            ViommuMode viommu = !assigned || depth == 1 ? ViommuMode.OFF : c.viommu() != ViommuMode.OFF ? c.viommu() : ViommuMode.STATIC;
            out.add(alternative("io", c.io() + " -> " + io, c.withIo(io, viommu), request));
        }
        for (DvhMechanism m : List.of(DvhMechanism.VIRTUAL_TIMER, DvhMechanism.VIRTUAL_IPI, DvhMechanism.VIRTUAL_IDLE)) {
            boolean on = c.l0Dvh().contains(m);
            out.add(alternative(m.name(), on ? "on -> off" : "off -> on", c.withMechanism(m, !on), request));
        }
        if (c.assignsDevice() && depth > 1) {
            for (ViommuMode v : ViommuMode.values()) {
                if (v != c.viommu()) {
                    out.add(alternative("viommu", c.viommu() + " -> " + v, c.withViommu(v), request));
                }
            }
        }
        out.add(alternative("postedInterrupts", c.postedInterrupts() ? "on -> off" : "off -> on", c.withPostedInterrupts(!c.postedInterrupts()),
                request));
        if (depth > 1) {
            out.add(alternative("vmcsShadowing", c.vmcsShadowing() ? "on -> off" : "off -> on", c.withVmcsShadowing(!c.vmcsShadowing()), request));
        }
        long poll = c.haltPollNs() > 0 ? 0 : HypervisorSettings.KVM_DEFAULT_HALT_POLL_NS;
        out.add(alternative("haltPollNs", c.haltPollNs() + " -> " + poll, c.withHaltPollNs(poll), request));
        if (depth > 1) {
            for (KernelGeneration k : KernelGeneration.values()) {
                if (!k.apiName().equals(c.guestKernel())) {
                    out.add(alternative("guestKernel", c.guestKernel() + " -> " + k.apiName(), c.withGuestKernel(k.apiName()), request));
                }
            }
        }
        return out;
    }

    private Alternative alternative(String knob, String change, Configuration c, ConfigurationSpace.Request request) {
        return new Alternative(knob, change, candidate(c, request));
    }
}
