package dev.nestsim.experiments.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.experiments.Presets;
import dev.nestsim.model.topology.DvhMechanism;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Set;

/** A preset: what it provisions and runs. */
@Schema(name = "ExperimentPreset", description = "An experiment by name: POST /api/v1/experiments {\"preset\":\"<name>\"} provisions its "
        + "configurations (each on a host of its own, owned by the experiment) and runs every workload on each")
public record PresetResponse(
        @Schema(example = "asplos20") String name,
        @Schema(description = "What it reproduces") String description,
        @Schema(description = "Replications of every cell (a request may give fewer or more)", example = "10") int replications,
        @Schema(description = "The configurations it provisions, in order") List<ConfigurationBody> configurations,
        @Schema(description = "The microbenchmarks; one that needs a hypervisor is not run natively", example = "[\"hypercall\",\"device-notify\"]")
        List<String> microbenchmarks,
        @Schema(description = "The application workloads", example = "[\"netperf-tcp-rr\",\"memcached\"]") List<String> applications) {

    static PresetResponse of(Presets.Preset p) {
        return new PresetResponse(p.name(), p.description(), p.replications(), p.configurations().stream().map(ConfigurationBody::of).toList(),
                p.microbenchmarks(), p.applications());
    }

    /** One configuration of a preset. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ExperimentPresetConfiguration", description = "A host of its own with L0, then the guest hypervisors (L1 first) and the leaf "
            + "VM; no VM: the workload runs natively on the host")
    public record ConfigurationBody(
            @Schema(example = "L2 DVH") String name,
            @Schema(description = "The level the workload runs at", example = "2") int level,
            @Schema(description = "The host profile", example = "asplos20-testbed") String profile,
            @Schema(description = "L0's kernel generation", example = "linux-4.18") String kernel,
            @Schema(description = "The DVH mechanisms L0 supports") Set<DvhMechanism> hostDvh,
            @Schema(description = "The CPUs L0 brings online", example = "8") int onlineCpus,
            @Schema(description = "The guest hypervisors, L1 first") List<Presets.HypervisorTemplate> hypervisors,
            @Schema(description = "The leaf VM; absent natively") Presets.VmTemplate vm) {

        static ConfigurationBody of(Presets.ConfigurationTemplate t) {
            return new ConfigurationBody(t.name(), t.level(), t.profile(), t.kernel().apiName(), t.hostDvh(), t.onlineCpus(), t.hypervisors(), t.vm());
        }
    }
}
