package dev.nestsim.model.workload;

import dev.nestsim.model.workload.apps.ConversationSim;
import dev.nestsim.model.workload.apps.Profiles;
import dev.nestsim.model.workload.machine.Platform;
import dev.nestsim.model.workload.machine.RandomStreams;
import dev.nestsim.model.workload.machine.Sim;
import dev.nestsim.model.workload.results.Outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestsim.model.exits.CascadeEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Progress, cancellation between replications, and the bounds on one replication. */
class RunControlTest {

    private static final Map<String, Double> SHORT = Map.of("durationSeconds", 0.01, "warmupSeconds", 0.002);

    private static WorkloadRunner runner(String name) {
        return Workloads.standard(CascadeEngine.reference()).runner(name).orElseThrow();
    }

    @Test
    void progressIsReportedAfterEachReplication() {
        List<String> progress = new ArrayList<>();
        RunMonitor monitor = new RunMonitor() {
            @Override
            public void replicationDone(int done, int total) {
                progress.add(done + "/" + total);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        runner("netperf-tcp-rr").run(PaperPaths.L2_DVH.path(), SHORT, 1, 3, monitor);
        assertThat(progress).containsExactly("1/3", "2/3", "3/3");
    }

    @Test
    void cancellationStopsTheRunBetweenReplications() {
        int[] done = {0};
        RunMonitor cancelAfterTwo = new RunMonitor() {
            @Override
            public void replicationDone(int d, int total) {
                done[0] = d;
            }

            @Override
            public boolean cancelled() {
                return done[0] >= 2;
            }
        };
        assertThatThrownBy(() -> runner("hackbench").run(PaperPaths.L2_BASELINE.path(), SHORT, 1, 10, cancelAfterTwo))
                .isInstanceOfSatisfying(CancelledException.class, e -> assertThat(e.replicationsDone()).isEqualTo(2));
    }

    @Test
    void aReplicationStopsAtItsEventBudget() {
        Platform platform = Platform.of(CascadeEngine.reference(), PaperPaths.L1.path());
        Sim sim = new Sim(platform, new RandomStreams(1, 0), 5_000);
        Outcome outcome = new ConversationSim(sim, Profiles.memcached(4, 50, 4, 10)).run(0.001, 5);
        assertThat(outcome.truncated()).isTrue();
        assertThat(outcome.events()).isLessThanOrEqualTo(5_001);
        assertThat(sim.now()).isLessThan(5);
    }

    @Test
    void theMeasuredWindowIsTheSimulatedDurationAfterWarmUp() {
        WorkloadResult result = runner("netperf-tcp-rr").run(PaperPaths.L1.path(),
                Map.of("durationSeconds", 0.05, "warmupSeconds", 0.01), 1, 1, RunMonitor.NONE);
        assertThat(result.metrics()).filteredOn(m -> m.name().equals("measuredSeconds")).singleElement()
                .satisfies(m -> assertThat(m.estimate().mean()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-9)));
    }
}
