package dev.nestsim.runs.web;

import dev.nestsim.model.workload.WorkloadDescriptor;
import dev.nestsim.model.workload.WorkloadKind;
import dev.nestsim.model.workload.WorkloadParameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A workload of the catalogue, with its parameters and limits. */
@Schema(name = "Workload", description = "A workload runs can use: what it runs, what it reports, its parameters and limits")
public record WorkloadResponse(
        @Schema(description = "The name runs use", example = "device-notify") String name,
        @Schema(description = "MICROBENCHMARK: analytic (the exit cascade); APPLICATION: discrete-event simulation") WorkloadKind kind,
        @Schema(description = "What it runs", example = "A virtio device notification (an MMIO write that exits), as in the DVH paper")
        String description,
        @Schema(description = "The metric normalised to native", example = "cycles") String primaryMetric,
        @Schema(description = "Its unit", example = "cycles/operation") String primaryUnit,
        @Schema(description = "Whether a larger primary metric is better (throughput) or worse (cycles, completion time)", example = "false")
        boolean higherIsBetter,
        @Schema(description = "The most replications a run of it may ask for", example = "1000") int maxReplications,
        @Schema(description = "True for an analytic workload (a microbenchmark: the exit cascade, exact in one evaluation): a run of it "
                + "evaluates once and records replications 1, whatever replications asks (it is optional, and checked against "
                + "maxReplications when given); false for a simulated one, whose replications are independent", example = "true")
        boolean analytic,
        @Schema(description = "Its parameters; a run may set any of them within [min, max], whole numbers where integer is true") List<Parameter> parameters) {

    static WorkloadResponse of(WorkloadDescriptor d, int serviceMaxReplications) {
        return new WorkloadResponse(d.name(), d.kind(), d.description(), d.primaryMetric(), d.primaryUnit(), d.higherIsBetter(),
                Math.min(d.maxReplications(), serviceMaxReplications), d.kind() == WorkloadKind.MICROBENCHMARK, d.parameters().stream().map(Parameter::of).toList());
    }

    /** One parameter of a workload. */
    @Schema(name = "WorkloadParameter", description = "A parameter of a workload, with its unit and accepted range")
    public record Parameter(
            @Schema(description = "Its name in a run's parameters", example = "connections") String name,
            @Schema(description = "Its unit", example = "connections") String unit,
            @Schema(description = "What it changes") String description,
            @Schema(description = "Its value when a run does not set it", example = "16") double defaultValue,
            @Schema(description = "Smallest accepted value", example = "1") double min,
            @Schema(description = "Largest accepted value", example = "1024") double max,
            @Schema(description = "Whether only whole numbers are accepted (a count, a size in bytes, a vCPU's number); a fraction "
                    + "is refused with the rule parameter-integer", example = "true") boolean integer) {

        static Parameter of(WorkloadParameter p) {
            return new Parameter(p.name(), p.unit(), p.description(), p.defaultValue(), p.min(), p.max(), p.integer());
        }
    }
}
