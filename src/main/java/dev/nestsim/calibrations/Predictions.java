package dev.nestsim.calibrations;

import dev.nestsim.model.exits.Calibration;
import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.exits.ExitCostTable;
import dev.nestsim.model.exits.Microbenchmark;
import dev.nestsim.model.exits.Microbenchmarks;
import dev.nestsim.model.topology.Path;
import java.util.List;

/** Microbenchmarks on one path under a calibration and under the reference, side by side. */
public final class Predictions {

    private Predictions() {
    }

    /** One microbenchmark: cycles per operation calibrated and by the reference. */
    public record Row(Microbenchmark benchmark, double calibrated, double reference) {
    }

    public static Row[] rows(Path path, Calibration calibrated, Calibration reference, List<Microbenchmark> which) {
        CascadeEngine a = new CascadeEngine(calibrated);
        CascadeEngine b = new CascadeEngine(reference);
        ExitCostTable ta = a.table(path);
        ExitCostTable tb = b.table(path);
        Microbenchmarks ma = new Microbenchmarks(a);
        Microbenchmarks mb = new Microbenchmarks(b);
        Row[] rows = new Row[which.size()];
        for (int i = 0; i < rows.length; i++) {
            Microbenchmark m = which.get(i);
            rows[i] = new Row(m, ma.run(ta, m, false).cycles(), mb.run(tb, m, false).cycles());
        }
        return rows;
    }
}
