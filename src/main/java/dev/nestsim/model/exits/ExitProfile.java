package dev.nestsim.model.exits;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An exit profile as {@code perf kvm stat} shows it at each level (docs/workloads.md section 3): for each hypervisor level,
 * the exits it saw by exit reason and the cycles its software spent on them. A level sees every hardware exit that it
 * handles or reflects on the way: L0 sees them all (a nested guest's exit first arrives there), a guest hypervisor
 * those of its guests that are reflected to it. The cycles are the level's own software on those exits (L0's include
 * the hardware transitions); cycles a nested exit costs further down are in the rows of the exits they took there (a
 * guest hypervisor's trapped VMREAD is a VMREAD row of the level that handled it).
 *
 * @param levels index k: level k's rows, in the order of {@link ExitReason}, only reasons it saw
 */
public record ExitProfile(List<List<Row>> levels) {

    /** One exit reason at one level: how many exits it saw and its cycles on them (per occurrence of what is profiled). */
    public record Row(ExitReason reason, double exits, double cycles) {
    }

    public ExitProfile {
        List<List<Row>> copy = new ArrayList<>(levels.size());
        for (List<Row> rows : levels) {
            copy.add(List.copyOf(rows));
        }
        levels = Collections.unmodifiableList(copy);
    }

    /** A profile of {@code levels} levels from per-level, per-reason sums ({@code exits[k * R + r]}, likewise cycles). */
    static ExitProfile of(int levels, double[] exits, double[] cycles) {
        ExitReason[] reasons = ExitReason.values();
        List<List<Row>> out = new ArrayList<>(levels);
        for (int k = 0; k < levels; k++) {
            List<Row> rows = new ArrayList<>();
            for (ExitReason r : reasons) {
                int i = k * reasons.length + r.ordinal();
                if (exits[i] != 0 || cycles[i] != 0) {
                    rows.add(new Row(r, exits[i], cycles[i]));
                }
            }
            out.add(rows);
        }
        return new ExitProfile(out);
    }

    /** The rows of level {@code level} (empty beyond the profiled levels). */
    public List<Row> at(int level) {
        return level < levels.size() ? levels.get(level) : List.of();
    }

    /** Exits level {@code level} saw under {@code reason}. */
    public double exits(int level, ExitReason reason) {
        for (Row row : at(level)) {
            if (row.reason() == reason) {
                return row.exits();
            }
        }
        return 0;
    }

    /** Cycles level {@code level} spent on exits of {@code reason}. */
    public double cycles(int level, ExitReason reason) {
        for (Row row : at(level)) {
            if (row.reason() == reason) {
                return row.cycles();
            }
        }
        return 0;
    }
}
