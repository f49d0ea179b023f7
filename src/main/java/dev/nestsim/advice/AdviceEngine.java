package dev.nestsim.advice;

import dev.nestsim.advice.AdviceResult.Interval;
import dev.nestsim.experiments.ExperimentResults;
import dev.nestsim.experiments.ExperimentService;
import dev.nestsim.experiments.ExperimentSpec;
import dev.nestsim.experiments.ExperimentStatus;
import dev.nestsim.experiments.ExperimentView;
import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.topology.Violation;
import dev.nestsim.model.workload.Estimate;
import dev.nestsim.model.workload.WorkloadRunner;
import dev.nestsim.model.workload.Workloads;
import dev.nestsim.runs.RunMetricEntity;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves an advice on, one step at a time, every step idempotent: QUEUED -> screen the space and create the stage-1 experiment
 * of the most promising candidates (one transaction with the advice's row, so after a crash either both exist or neither);
 * RUNNING -> once the stage's experiment SUCCEEDED, rank; when the best two intervals overlap after stage 1, a stage-2
 * experiment re-simulates the contenders with twice the replications; then SUCCEEDED with the result.
 */
@Component
class AdviceEngine {

    private final AdviceRepository advice;
    private final ExperimentService experiments;
    private final ExperimentResults results;
    private final Workloads workloads;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Search search = new Search(CascadeEngine.reference());

    AdviceEngine(AdviceRepository advice, ExperimentService experiments, ExperimentResults results, Workloads workloads, TransactionTemplate tx,
                 Clock clock) {
        this.advice = advice;
        this.experiments = experiments;
        this.results = results;
        this.workloads = workloads;
        this.tx = tx;
        this.clock = clock;
    }

    /** What was simulated: each stage's experiment, replications and candidates; the screen's figures. */
    record Plan(List<Stage> stages, Map<Integer, Double> estimates, Map<String, Double> eventRates, List<Stage> whys) {

        Plan {
            whys = whys == null ? List.of() : List.copyOf(whys);
        }

        Plan withWhy(Stage stage) {
            List<Stage> more = new ArrayList<>(whys);
            more.add(stage);
            return new Plan(stages, estimates, eventRates, more);
        }

        /** The stages whose candidates are ranked: the search's and the first knob-off rounds (a last round only explains). */
        List<Stage> ranked() {
            List<Stage> out = new ArrayList<>(stages);
            out.addAll(whys.subList(0, Math.min(whys.size(), MAX_WHY_ROUNDS)));
            return out;
        }

        List<Stage> all() {
            List<Stage> out = new ArrayList<>(stages);
            out.addAll(whys);
            return out;
        }
    }

    /**
     * Knob-off rounds that may move the recommendation: when an alternative beats it, the next round is around that alternative;
     * one more round then explains the final recommendation without moving it.
     */
    static final int MAX_WHY_ROUNDS = 3;

    record Stage(UUID experimentId, int replications, List<Integer> candidates) {
    }

    void advance(UUID id) {
        AdviceEntity a = advice.findById(id).orElse(null);
        if (a == null || a.getStatus().isTerminal()) {
            return;
        }
        AdviceInput input = AdviceService.JSON.readValue(a.getInput(), AdviceInput.class);
        if (a.getStage() == 0) {
            start(id, input);
        } else {
            follow(id, input);
        }
    }

    private void start(UUID id, AdviceInput input) {
        WorkloadRunner runner = workloads.runner(input.workload()).orElseThrow();
        Search.Screened screened = search.screen(input, runner);
        // every allowed candidate's estimate, not only the simulated ones': a knob-off alternative that becomes a recommendation
        // reports its own (it was NaN, which JSON writes as the string "NaN" where the contract says a number)
        Map<Integer, Double> estimates = new TreeMap<>();
        for (Candidate c : screened.candidates()) {
            if (c.eligible()) {
                estimates.put(c.index(), screened.estimates()[c.index()]);
            }
        }
        Map<String, Double> rates = new TreeMap<>();
        screened.rates().perOperation().forEach((k, v) -> rates.put(k.metric().replace("PerSecond", "PerOperation"), v));
        rates.put("cyclesPerOperation", screened.rates().cyclesPerOperation());
        tx.executeWithoutResult(s -> {
            AdviceEntity a = advice.findById(id).orElseThrow();
            if (a.getStage() != 0 || a.getStatus() != ExperimentStatus.QUEUED) {
                return;
            }
            if (screened.simulate().isEmpty()) {
                Plan plan = new Plan(List.of(), estimates, rates, List.of());
                a.succeed(json(result(input, screened.candidates(), plan, List.of())), now());
                return;
            }
            UUID experiment = experiment(a, input, 1, input.replications(), screened.simulate(), screened.candidates());
            a.stage(1, experiment, json(new Plan(List.of(new Stage(experiment, input.replications(), screened.simulate())), estimates, rates, List.of())), now());
            a.moveTo(ExperimentStatus.RUNNING, now());
        });
    }

    private UUID experiment(AdviceEntity a, AdviceInput input, int stage, int replications, List<Integer> simulate, List<Candidate> candidates) {
        List<ExperimentSpec.TopologySpec> topologies = new ArrayList<>();
        for (int i : simulate) {
            topologies.add(Blueprints.topology("c" + i, candidates.get(i), input));
        }
        ExperimentSpec spec = new ExperimentSpec("advice " + a.getId().toString().substring(0, 8) + " stage " + stage, null, null, topologies,
                List.of(new ExperimentSpec.WorkloadSpec(input.workload(), input.parameters())), replications, input.seed());
        return experiments.create(spec).experiment().getId();
    }

    private void follow(UUID id, AdviceInput input) {
        tx.executeWithoutResult(s -> {
            AdviceEntity a = advice.findById(id).orElseThrow();
            if (a.getStatus() != ExperimentStatus.RUNNING) {
                return;
            }
            ExperimentView view = experiments.get(a.getExperimentId());
            ExperimentStatus status = view.experiment().getStatus();
            if (status == ExperimentStatus.FAILED) {
                a.fail("experiment " + a.getExperimentId() + " (stage " + a.getStage() + ") failed: " + view.experiment().getProblemDetail(), now());
            } else if (status == ExperimentStatus.CANCELLED) {
                a.moveTo(ExperimentStatus.CANCELLED, now());
            } else if (status == ExperimentStatus.SUCCEEDED) {
                finishStage(a, input);
            }
        });
    }

    private void finishStage(AdviceEntity a, AdviceInput input) {
        Plan plan = AdviceService.JSON.readValue(a.getPlan(), Plan.class);
        List<Candidate> candidates = ConfigurationSpace.enumerate(Search.request(input));
        List<Ranking.Simulated> simulated = simulated(plan, candidates);
        List<Ranking.Simulated> ordered = Ranking.order(Ranking.feasible(simulated, input.constraints()), input.objective());
        int doubled = Math.min(input.replications() * 2, maxReplications(input));
        List<Ranking.Simulated> contenders = Ranking.contenders(ordered);
        if (a.getStage() == 1 && !Ranking.separated(ordered, input.objective()) && contenders.size() > 1 && doubled > input.replications()) {
            List<Integer> again = contenders.stream().map(x -> x.candidate().index()).toList();
            UUID experiment = experiment(a, input, 2, doubled, again, candidates);
            List<Stage> stages = new ArrayList<>(plan.stages());
            stages.add(new Stage(experiment, doubled, again));
            a.stage(2, experiment, json(new Plan(stages, plan.estimates(), plan.eventRates(), plan.whys())), now());
            return;
        }
        if (!ordered.isEmpty() && plan.whys().size() <= MAX_WHY_ROUNDS) {
            Ranking.Simulated best = ordered.get(0);
            int n = best.run().replications();
            java.util.Set<Integer> measured = new java.util.HashSet<>();
            for (Ranking.Simulated s : simulated(plan.all(), plan, candidates)) {
                if (s.run().replications() == n) {
                    measured.add(s.candidate().index());
                }
            }
            List<Integer> missing = variants(best.candidate(), candidates, kernels(input)).stream().filter(i -> !measured.contains(i)).toList();
            if (!missing.isEmpty()) {
                UUID experiment = experiment(a, input, 3, n, missing, candidates);
                a.stage(3, experiment, json(plan.withWhy(new Stage(experiment, n, missing))), now());
                return;
            }
        }
        a.succeed(json(result(input, candidates, plan, simulated)), now());
    }

    /** The guest kernels of the request's space, the alternatives a recommendation's kernel has. */
    private static List<String> kernels(AdviceInput input) {
        return Search.request(input).space().guestKernels().stream().map(dev.nestsim.model.hardware.KernelGeneration::apiName).toList();
    }

    /** The knob-off (and other-kernel) alternatives of {@code best} that the rules allow, as candidates of the space. */
    private static List<Integer> variants(Candidate best, List<Candidate> candidates, List<String> kernels) {
        List<Integer> out = new ArrayList<>();
        for (Configuration off : Knobs.alternatives(best.configuration(), kernels).values()) {
            candidates.stream().filter(c -> c.configuration().equals(off) && c.violations().isEmpty()).findFirst()
                    .ifPresent(c -> out.add(c.index()));
        }
        return out;
    }

    private List<AdviceResult.Why> why(AdviceInput input, Plan plan, List<Candidate> candidates, Ranking.Simulated best) {
        boolean higherIsBetter = workloads.runner(input.workload()).map(w -> w.descriptor().higherIsBetter()).orElse(true);
        List<AdviceResult.Why> out = new ArrayList<>();
        Map<Integer, Ranking.Simulated> measured = new HashMap<>();
        for (Stage stage : plan.all()) {
            for (Ranking.Simulated s : simulated(List.of(stage), plan, candidates)) {
                if (s.run().replications() == best.run().replications()) {
                    measured.put(s.candidate().index(), s);
                }
            }
        }
        int n = best.run().replications();
        Estimate recommended = new Estimate(best.normalizedToNative().mean(), best.normalizedToNative().halfWidth(), 0.95, n);
        Knobs.alternatives(best.candidate().configuration(), kernels(input)).forEach((knob, off) -> {
            Ranking.Simulated alt = measured.values().stream().filter(s -> s.candidate().configuration().equals(off)).findFirst().orElse(null);
            if (alt == null) {
                return;
            }
            dev.nestsim.experiments.RatioInterval r;
            List<Double> a = alt.primaryValues();
            List<Double> b = best.primaryValues();
            if (a.size() >= 2 && a.size() == b.size() && alt.run().seed() == best.run().seed()) {
                // the same host and seed: native is the same per replication, so the ratio of the figures is that of the primaries
                r = higherIsBetter ? dev.nestsim.experiments.RatioInterval.paired(a, b, 0.95)
                        : dev.nestsim.experiments.RatioInterval.paired(b, a, 0.95);
            } else {
                r = dev.nestsim.experiments.RatioInterval.of(
                        new Estimate(alt.normalizedToNative().mean(), alt.normalizedToNative().halfWidth(), 0.95, n), recommended, false);
            }
            out.add(new AdviceResult.Why(knob, alt.candidate().index(), off, alt.normalizedToNative(), r.ratio(), r.lower(), r.upper(),
                    summary(knob, r), alt.run(), r.method()));
        });
        return out;
    }

    private static String summary(String knob, dev.nestsim.experiments.RatioInterval r) {
        java.util.function.DoubleFunction<String> pct = x -> String.format(java.util.Locale.ROOT, "%.1f%%", Math.abs(100 * (1 - x)));
        String verb = r.ratio() <= 1 ? " costs " : " gains ";
        String interval = r.lower() == null || r.upper() == null ? " (interval unbounded)"
                : " (ratio " + String.format(java.util.Locale.ROOT, "%.3f to %.3f", r.lower(), r.upper()) + ")";
        String change = knob.startsWith(Knobs.GUEST_KERNEL + " ") ? knob : "turning " + knob + " off";
        return change + verb + pct.apply(r.ratio()) + interval;
    }

    private int maxReplications(AdviceInput input) {
        return workloads.runner(input.workload()).map(r -> r.descriptor().maxReplications()).orElse(input.replications());
    }

    /** Every simulated candidate's figures, a later stage's replacing an earlier one's. */
    /** Every simulated candidate the rules and constraints allow, from every ranked stage (knob-off alternatives too). */
    private List<Ranking.Simulated> simulated(Plan plan, List<Candidate> candidates) {
        return simulated(plan.ranked(), plan, candidates).stream().filter(s -> s.candidate().eligible()).toList();
    }

    private List<Ranking.Simulated> simulated(List<Stage> stages, Plan plan, List<Candidate> candidates) {
        Map<Integer, Ranking.Simulated> byIndex = new LinkedHashMap<>();
        for (Stage stage : stages) {
            for (ExperimentResults.CellResult cell : results.of(stage.experimentId()).cells()) {
                if (cell.result() == null) {
                    continue;
                }
                int index = Integer.parseInt(cell.configuration().name().substring(1));
                Estimate n = cell.result().result().getNormalizedToNative();
                Double cpu = metric(cell.result().metrics(), "cyclesPerOperationNormalizedToNative");
                RunMetricEntity p99 = metricEntity(cell.result().metrics(), "latencyP99");
                byIndex.put(index, new Ranking.Simulated(candidates.get(index), plan.estimates().getOrDefault(index, Double.NaN),
                        new Interval(n == null ? 0 : n.mean(), n == null ? 0 : n.halfWidth()), cpu,
                        p99 == null ? null : new Interval(p99.getMean(), p99.getHalfWidth()),
                        new AdviceResult.RunRef(cell.result().run().getId(), stage.experimentId(), cell.result().result().getSeed(),
                                cell.result().result().getReplications()), cell.result().result().getPrimaryValues()));
            }
        }
        return new ArrayList<>(byIndex.values());
    }

    private static Double metric(List<RunMetricEntity> metrics, String name) {
        RunMetricEntity m = metricEntity(metrics, name);
        return m == null ? null : m.getMean();
    }

    private static RunMetricEntity metricEntity(List<RunMetricEntity> metrics, String name) {
        for (RunMetricEntity m : metrics) {
            if (m.getName().equals(name) && m.getLevel() == null && m.getReason() == null) {
                return m;
            }
        }
        return null;
    }

    private AdviceResult result(AdviceInput input, List<Candidate> candidates, Plan plan, List<Ranking.Simulated> simulated) {
        List<Ranking.Simulated> ordered = Ranking.order(Ranking.feasible(simulated, input.constraints()), input.objective());
        List<AdviceResult.Recommendation> recommendations = new ArrayList<>();
        for (int r = 0; r < ordered.size(); r++) {
            Ranking.Simulated s = ordered.get(r);
            Candidate c = s.candidate();
            recommendations.add(new AdviceResult.Recommendation(r + 1, c.index(), c.configuration(), s.normalizedToNative(), s.cyclesVsNative(),
                    s.latencyP99() == null ? null : s.latencyP99().mean(), s.screenEstimate(), c.liveMigratable(), c.requires(),
                    Blueprints.provisioning("advised-c" + c.index(), c, input), s.run()));
        }
        return new AdviceResult(recommendations, Ranking.paretoFront(ordered), infeasible(input, candidates, simulated, ordered),
                space(candidates, plan, simulated.size()), ordered.isEmpty() ? List.of() : why(input, plan, candidates, ordered.get(0)));
    }

    private static String infeasible(AdviceInput input, List<Candidate> candidates, List<Ranking.Simulated> simulated, List<Ranking.Simulated> ordered) {
        if (!ordered.isEmpty()) {
            return null;
        }
        if (candidates.stream().noneMatch(Candidate::eligible)) {
            return "no configuration of the " + candidates.size() + " on this host at depth " + input.depth()
                    + " is allowed by both the topology rules and the constraints (space.refused says which rule or constraint refused how many)";
        }
        Ranking.Simulated best = simulated.stream().max(java.util.Comparator.comparingDouble(s -> s.normalizedToNative().mean())).orElseThrow();
        AdviceInput.Limits l = input.constraints();
        return "none of the " + simulated.size() + " most promising configurations meets the constraints"
                + (l.minNormalizedToNative() != null ? " (minNormalizedToNative " + l.minNormalizedToNative() + ")" : "")
                + (l.maxCpuOverhead() != null ? " (maxCpuOverhead " + l.maxCpuOverhead() + ")" : "")
                + ": the best simulated, " + best.candidate().configuration().describe() + ", reaches normalizedToNative "
                + String.format(java.util.Locale.ROOT, "%.3f", best.normalizedToNative().mean())
                + (best.cyclesVsNative() == null ? "" : String.format(java.util.Locale.ROOT, " at %.3f cycles per operation against native", best.cyclesVsNative()));
    }

    private static AdviceResult.Space space(List<Candidate> candidates, Plan plan, int simulated) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, String[]> examples = new HashMap<>();
        int refused = 0;
        int excluded = 0;
        for (Candidate c : candidates) {
            String rule;
            String detail;
            if (!c.violations().isEmpty()) {
                refused++;
                Violation v = c.violations().get(0);
                rule = v.rule();
                detail = v.message();
            } else if (c.excluded() != null) {
                excluded++;
                rule = c.excluded().substring(0, c.excluded().indexOf(':'));
                detail = c.excluded();
            } else {
                continue;
            }
            counts.computeIfAbsent(rule, k -> new int[1])[0]++;
            examples.putIfAbsent(rule, new String[] {c.configuration().describe(), detail});
        }
        List<AdviceResult.Refusal> refusals = new ArrayList<>();
        counts.forEach((rule, n) -> refusals.add(new AdviceResult.Refusal(rule, n[0], examples.get(rule)[0], examples.get(rule)[1])));
        return new AdviceResult.Space(candidates.size(), refused, excluded, candidates.size() - refused - excluded, simulated, plan.stages().size(),
                refusals, plan.all().stream().map(Stage::experimentId).toList(), plan.eventRates());
    }

    private static String json(Object value) {
        return AdviceService.JSON.writeValueAsString(value);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
