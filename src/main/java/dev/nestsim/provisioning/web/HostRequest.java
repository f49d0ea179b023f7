package dev.nestsim.provisioning.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.api.NoControlCharacters;
import dev.nestsim.api.NoUnpairedSurrogates;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.TimerOffload;
import dev.nestsim.provisioning.HostEntity;
import dev.nestsim.provisioning.HostSpec;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A host to create or (with PUT) the full replacement of one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "HostRequest", description = """
        A physical host and its host hypervisor L0. Either name a catalogue profile (GET /api/v1/host-profiles), \
        optionally overriding any hardware field (features field by field), or give all hardware fields; kernel and \
        onlineCpus say what L0 runs and how many CPUs it brings online.""",
        example = """
                {"name":"testbed","profile":"asplos20-testbed","dvh":["VIRTUAL_PASSTHROUGH","VIRTUAL_TIMER","VIRTUAL_IPI","VIRTUAL_IDLE"],\
                "onlineCpus":8}""")
public record HostRequest(
        @Schema(description = "Name, 1 to 100 characters, no control characters (NUL, tab, newline, ...) nor unpaired surrogates", example = "testbed", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(min = 1, max = 100) @NoControlCharacters @NoUnpairedSurrogates String name,
        @Schema(description = "Catalogue profile to start from; unknown names are a 422 listing the known ones", example = "asplos20-testbed")
        @Size(max = 100) String profile,
        @Schema(description = "Physical cores in all sockets, 1 to 1024 (required without profile)", example = "20") @Min(1) @Max(1024) Integer cores,
        @Schema(description = "Base clock in GHz, 0.5 to 6 (required without profile)", example = "2.2") @DecimalMin("0.5") @DecimalMax("6.0")
        Double clockGhz,
        @Schema(description = "Memory in GiB, 1 to 65536 (required without profile)", example = "192") @Min(1) @Max(65536) Integer memoryGib,
        @Schema(description = "The NIC (both fields required without profile)") @Valid NicBody nic,
        @Schema(description = "CPU features (all required without profile; with one, merged field by field)") FeaturesBody features,
        @ArraySchema(arraySchema = @Schema(description = "DVH mechanisms L0 supports; default none"))
        Set<@NotNull DvhMechanism> dvh,
        @Schema(description = "L0's halt-polling window in ns, 0 to 10,000,000; default 200000", example = "200000")
        @Min(0) @Max(10_000_000) Long haltPollNs,
        @Schema(description = "What backs guests' TSC-deadline timers; default PREEMPTION_TIMER (HRTIMER when the CPU has no preemption timer)")
        TimerOffload timerOffload,
        @Schema(description = "Whether L0 gives L1 hardware VMCS shadowing; default true", example = "true") Boolean exposeVmcsShadowing,
        @Schema(description = "Whether L0 posts interrupts to its guests; default what the hardware has", example = "true") Boolean postedInterrupts,
        @Schema(ref = Kernels.SCHEMA_REF, description = """
                The kernel generation L0 runs (its KVM); default the profile's defaultKernel (linux-4.18 for \
                asplos20-testbed, as the paper ran it), linux-5.10 for custom hardware. Its guest hypervisors run it too unless \
                they name their own. An unknown name is a 400 (rule known-kernel) listing the allowed ones""", example = "linux-5.3")
        @KnownKernel String kernel,
        @Schema(description = """
                L0's maxcpus: the CPUs L0 brings online, 1 to cores; default all cores. The NIC's receive queues, L0's \
                interrupts and its vhost threads share them with the vCPUs, and the vCPUs of the host's direct children (L1 \
                guest hypervisors and VMs) must fit in them together. Outside 1 to cores it is a 400 (rule online-cpus-range)""",
                example = "8") Integer onlineCpus,
        @Schema(description = """
                The calibration L0's machine computes with: a calibration's id or name (POST /api/v1/calibrations) of the \
                caller's tenant; default none, the model's reference parameters. Microbenchmarks, exit costs, runs and experiments \
                on the host use it. One that does not exist is a 422 (rule known-calibration); one fitted on another kernel than \
                the host's L0 runs is a 422 naming both kernels (rule calibration-kernel), also when a PUT or PATCH changes the \
                kernel of a host on a calibration: a calibration's prices belong to its kernel's mechanisms""", example = "my-icx")
        @Size(min = 1, max = 100) String calibration) {

    HostSpec toSpec() {
        return new HostSpec(name, profile, cores, clockGhz, memoryGib, nic == null ? null : nic.gbps(), nic == null ? null : nic.sriovVfs(),
                features == null ? null : features.toOverrides(), dvh, haltPollNs, timerOffload, exposeVmcsShadowing, postedInterrupts,
                Kernels.parse(kernel), onlineCpus);
    }

    /** The stored host as a request: what a merge patch applies to. */
    static HostRequest current(HostEntity host) {
        HostResponse r = HostResponse.of(host);
        return new HostRequest(r.name(), r.profile(), r.cores(), r.clockGhz(), r.memoryGib(), r.nic(), r.features(),
                Set.copyOf(r.dvh()), r.haltPollNs(), r.timerOffload(), r.exposeVmcsShadowing(), r.postedInterrupts(), r.kernel(), r.onlineCpus(),
                r.calibration() == null ? null : r.calibration().toString());
    }
}
