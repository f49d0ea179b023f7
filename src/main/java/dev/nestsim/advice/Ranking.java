package dev.nestsim.advice;

import dev.nestsim.advice.AdviceResult.Interval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks simulated candidates: those that break a constraint drop out, the rest are ordered by the objective (ties by index),
 * and the Pareto front is the ranks no other recommendation dominates on normalizedToNative (higher), cycles per operation
 * against native (lower) and live migratability.
 */
final class Ranking {

    /** A candidate's simulated figures. */
    record Simulated(Candidate candidate, double screenEstimate, Interval normalizedToNative, Double cyclesVsNative, Interval latencyP99,
                     AdviceResult.RunRef run, List<Double> primaryValues) {
    }

    private Ranking() {
    }

    static List<Simulated> feasible(List<Simulated> all, AdviceInput.Limits limits) {
        List<Simulated> out = new ArrayList<>();
        for (Simulated s : all) {
            if (limits.minNormalizedToNative() != null && s.normalizedToNative().mean() < limits.minNormalizedToNative()) {
                continue;
            }
            if (limits.maxCpuOverhead() != null && s.cyclesVsNative() != null && s.cyclesVsNative() - 1 > limits.maxCpuOverhead()) {
                continue;
            }
            out.add(s);
        }
        return out;
    }

    static List<Simulated> order(List<Simulated> feasible, Objective objective) {
        Comparator<Simulated> by = switch (objective) {
            case minCpuPerOperation -> Comparator.comparingDouble(s -> s.cyclesVsNative() == null ? Double.MAX_VALUE : s.cyclesVsNative());
            case minLatencyP99 -> Comparator.comparingDouble(s -> s.latencyP99() == null ? -s.normalizedToNative().mean() : s.latencyP99().mean());
            case maxNormalizedToNative -> Comparator.comparingDouble(s -> -s.normalizedToNative().mean());
        };
        List<Simulated> out = new ArrayList<>(feasible);
        out.sort(by.thenComparingInt(s -> s.candidate().index()));
        return out;
    }

    /** Whether the best's interval on the objective's figure lies clear of the runner-up's. */
    static boolean separated(List<Simulated> ordered, Objective objective) {
        if (ordered.size() < 2) {
            return true;
        }
        Simulated best = ordered.get(0);
        Simulated next = ordered.get(1);
        if (objective == Objective.minLatencyP99 && best.latencyP99() != null && next.latencyP99() != null) {
            return best.latencyP99().mean() + best.latencyP99().halfWidth() < next.latencyP99().mean() - next.latencyP99().halfWidth();
        }
        return best.normalizedToNative().separatedAbove(next.normalizedToNative());
    }

    /** The contenders: the best and every other whose interval overlaps the best's. */
    static List<Simulated> contenders(List<Simulated> ordered) {
        List<Simulated> out = new ArrayList<>();
        if (ordered.isEmpty()) {
            return out;
        }
        Simulated best = ordered.get(0);
        out.add(best);
        for (Simulated s : ordered.subList(1, ordered.size())) {
            if (!best.normalizedToNative().separatedAbove(s.normalizedToNative())) {
                out.add(s);
            }
        }
        return out;
    }

    /** Ranks (1-based) of the non-dominated ones among {@code ordered}. */
    static List<Integer> paretoFront(List<Simulated> ordered) {
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            boolean dominated = false;
            for (int j = 0; j < ordered.size() && !dominated; j++) {
                dominated = j != i && dominates(ordered.get(j), ordered.get(i));
            }
            if (!dominated) {
                front.add(i + 1);
            }
        }
        return front;
    }

    private static boolean dominates(Simulated a, Simulated b) {
        double ap = a.normalizedToNative().mean();
        double bp = b.normalizedToNative().mean();
        double ac = a.cyclesVsNative() == null ? 1 : a.cyclesVsNative();
        double bc = b.cyclesVsNative() == null ? 1 : b.cyclesVsNative();
        boolean am = a.candidate().liveMigratable();
        boolean bm = b.candidate().liveMigratable();
        boolean noWorse = ap >= bp && ac <= bc && (am || !bm);
        boolean better = ap > bp || ac < bc || (am && !bm);
        return noWorse && better;
    }
}
