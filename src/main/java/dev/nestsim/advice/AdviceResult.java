package dev.nestsim.advice;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an advice found.
 *
 * @param recommendations the simulated configurations that meet every constraint, best first
 * @param paretoFront     the ranks of the recommendations no other beats on performance, CPU cost and migratability together
 * @param infeasible      {@code null}, or why no configuration meets the constraints
 * @param space           how the configuration space was searched
 * @param why             for the recommendation, what each knob it turns on buys (empty when it turns none on, or nothing was recommended)
 */
public record AdviceResult(List<Recommendation> recommendations, List<Integer> paretoFront, String infeasible, Space space,
                           @ArraySchema(maxItems = 16) List<Why> why) {

    /**
     * What one knob of the recommendation buys: the same configuration with that knob off, run with the same seed and
     * replications (common random numbers), its normalizedToNative over the recommendation's, with its 95% interval paired
     * replication by replication (Fieller's with the pairs' covariance, from the two runs' primary metric per replication).
     *
     * @param knob          the knob turned off
     * @param candidate     the alternative's index in the space
     * @param without       the alternative
     * @param normalizedToNative the alternative's figure
     * @param ratio         its normalizedToNative over the recommendation's (below 1: the knob helps)
     * @param lower         the interval's lower bound, or {@code null} when unbounded
     * @param upper         its upper bound, or {@code null}
     * @param summary       in words: {@code turning VIRTUAL_IPI off costs 12% (10% to 14%)}
     * @param run           the alternative's run
     * @param method        {@code paired} (replication by replication), or {@code fieller} (two independent means) where a run
     *                      kept no per-replication values
     */
    public record Why(String knob, int candidate, Configuration without, Interval normalizedToNative, double ratio, Double lower, Double upper,
                      String summary, RunRef run, String method) {
    }

    /**
     * One recommended configuration.
     *
     * @param rank                       1 for the best
     * @param candidate                  its index in the space
     * @param configuration              the knobs
     * @param normalizedToNative         the simulation's performance relative to native
     * @param cyclesPerOperationVsNative the simulation's server cycles per operation over native's
     * @param latencyP99Us               the simulation's 99th-percentile latency, or {@code null} for a workload without one
     * @param screenEstimate             the analytic screen's estimate of normalizedToNative
     * @param liveMigratable             whether it can be live-migrated
     * @param requires                   what it needs
     * @param provisioning               the bodies that create it
     * @param run                        the run that measured it: re-running its configuration with this seed and these replications
     *                                   gives the same figures
     */
    public record Recommendation(int rank, int candidate, Configuration configuration, Interval normalizedToNative,
                                 Double cyclesPerOperationVsNative, Double latencyP99Us, double screenEstimate, boolean liveMigratable,
                                 @ArraySchema(maxItems = 64) List<String> requires, Provisioning provisioning, RunRef run) {
    }

    /** A mean and its 95% confidence half-width. */
    public record Interval(double mean, double halfWidth) {

        boolean separatedAbove(Interval other) {
            return mean - halfWidth > other.mean + other.halfWidth;
        }
    }

    /** The run behind a figure. */
    public record RunRef(UUID runId, UUID experimentId, long seed, int replications) {
    }

    /**
     * Bodies to POST in order: the host to /api/v1/hosts, each hypervisor to /api/v1/hypervisors, the VM to /api/v1/vms. A parent
     * is given by reference, {@code {host.id}} or {@code {hypervisors[0].id}}: replace it with the id of the resource created from
     * that body (the last segment of its Location).
     */
    public record Provisioning(Map<String, Object> host, @ArraySchema(maxItems = 8) List<Map<String, Object>> hypervisors,
                               Map<String, Object> vm) {
    }

    /**
     * The search.
     *
     * @param candidates            configurations enumerated
     * @param refusedByRules        of them, refused by a topology rule
     * @param excludedByConstraints of them, allowed by the rules but excluded by a constraint
     * @param screened              of them, screened analytically (the rest)
     * @param simulated             of them, simulated and allowed (the stages' and the knob-off rounds' alternatives that the
     *                              rules and constraints allow)
     * @param stages                simulation stages (a second refines the best when their intervals overlap)
     * @param refused               each rule or constraint that refused some, with how many and an example
     * @param experiments           the experiments that simulated them, in order (the stages, then the knob-off rounds)
     * @param eventRates            the workload's native events per operation that the screen priced
     */
    public record Space(int candidates, int refusedByRules, int excludedByConstraints, int screened, int simulated, int stages,
                        @ArraySchema(maxItems = 64) List<Refusal> refused,
                        @ArraySchema(maxItems = 6) List<UUID> experiments, Map<String, Double> eventRates) {
    }

    /** Candidates a rule (or a constraint, {@code constraints.liveMigratable}) refused: how many, and one of them with the reason. */
    public record Refusal(String rule, int count, String example, String detail) {
    }
}
