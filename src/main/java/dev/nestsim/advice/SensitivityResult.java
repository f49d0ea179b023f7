package dev.nestsim.advice;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What a sensitivity analysis found.
 *
 * @param base         the configuration's figure at the model's reference parameters
 * @param knobs        each knob's one-at-a-time alternative that the topology rules allow, by its effect, largest first
 * @param refusedKnobs the alternatives the rules refuse on this host at this depth, each with the rules
 * @param parameters   the Morris screening of every estimated parameter the path reads, by {@code muStar}, largest first
 * @param unread       the estimated parameters nothing on this path reads: their effect is exactly zero
 * @param spread       normalizedToNative over every Morris point: what the conclusion is worth across the estimates' ranges
 * @param conclusion   the finding in a sentence
 */
@Schema(name = "SensitivityResult")
public record SensitivityResult(Figure base, @ArraySchema(maxItems = 16) List<KnobEffect> knobs,
                                @ArraySchema(maxItems = 16) List<RefusedKnob> refusedKnobs,
                                @ArraySchema(maxItems = 128) List<ParameterEffect> parameters,
                                @ArraySchema(maxItems = 128) List<String> unread, Spread spread, String conclusion) {

    /**
     * A configuration's figure.
     *
     * @param normalizedToNative its mean over the replications and the 95% half-width
     * @param replications       replications
     */
    @Schema(name = "SensitivityFigure")
    public record Figure(AdviceResult.Interval normalizedToNative, int replications) {
    }

    /**
     * One knob changed alone.
     *
     * @param rank               1 for the knob that moves the figure most
     * @param knob               the knob ({@code io}, {@code VIRTUAL_IPI}, {@code postedInterrupts}, ...)
     * @param change             from what to what ({@code on -> off}, {@code VIRTIO -> PASSTHROUGH})
     * @param configuration      the alternative configuration
     * @param normalizedToNative its figure
     * @param ratio              its normalizedToNative over the configuration's, paired replication by replication (same seed)
     * @param lower              the 95% interval's lower bound, or {@code null} when unbounded
     * @param upper              its upper bound, or {@code null}
     * @param method             how the interval was computed ({@code paired}: Fieller's theorem with the pairs' covariance)
     * @param summary            the effect in words
     */
    @Schema(name = "SensitivityKnobEffect")
    public record KnobEffect(int rank, String knob, String change, Configuration configuration, AdviceResult.Interval normalizedToNative,
                             double ratio, @Schema(nullable = true) Double lower, @Schema(nullable = true) Double upper, String method,
                             String summary) {
    }

    /**
     * A knob alternative the topology rules refuse.
     *
     * @param knob   the knob
     * @param change from what to what
     * @param rules  each broken rule and why
     */
    @Schema(name = "SensitivityRefusedKnob")
    public record RefusedKnob(String knob, String change, @ArraySchema(maxItems = 16) List<String> rules) {
    }

    /**
     * One model parameter's elementary effects on normalizedToNative, the parameter moved across its whole plausible range.
     *
     * @param rank        1 for the most influential
     * @param parameter   the parameter (as docs/model.md section 4.3 lists it, with its basis and source)
     * @param meaning     what it prices
     * @param unit        its unit
     * @param reference   the reference value
     * @param low         the low end of its plausible range
     * @param high        the high end
     * @param muStar      the mean absolute elementary effect: the change of normalizedToNative over the whole range
     * @param muStarLower the 95% bootstrap interval's lower bound
     * @param muStarUpper its upper bound
     * @param mu          the mean signed effect (positive: a dearer parameter raises the figure)
     * @param sigma       the effects' standard deviation: large against {@code muStar}, the effect depends on the other parameters
     * @param tier        1 for the leaders; a parameter starts a new tier when its interval lies wholly below every interval of the
     *                    tier above: ranks within a tier are not told apart by the trajectories (another seed may swap them),
     *                    ranks across tiers are
     */
    @Schema(name = "SensitivityParameterEffect")
    public record ParameterEffect(int rank, int tier, String parameter, String meaning, String unit, double reference, double low, double high,
                                  double muStar, double muStarLower, double muStarUpper, double mu, double sigma) {
    }

    /**
     * normalizedToNative across the Morris points.
     *
     * @param min    the lowest
     * @param max    the highest
     * @param points how many points
     */
    @Schema(name = "SensitivitySpread")
    public record Spread(double min, double max, int points) {
    }
}
