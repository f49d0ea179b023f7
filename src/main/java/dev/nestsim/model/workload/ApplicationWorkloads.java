package dev.nestsim.model.workload;

import dev.nestsim.model.exits.CascadeEngine;
import java.util.List;

/** The application workloads of MODEL.md section 8 (the discrete-event simulation). */
final class ApplicationWorkloads {

    private ApplicationWorkloads() {
    }

    /** Every application workload, in the paper's order. */
    static List<WorkloadRunner> all(CascadeEngine engine) {
        return List.of();
    }
}
