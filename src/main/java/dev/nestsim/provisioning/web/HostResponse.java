package dev.nestsim.provisioning.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.model.hardware.HostHardware;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.HypervisorSettings;
import dev.nestsim.model.topology.TimerOffload;
import dev.nestsim.provisioning.HostCalibrations;
import dev.nestsim.provisioning.HostEntity;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A host as stored, with its resolved hardware and L0 settings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Host", description = "A physical host with its resolved hardware and its host hypervisor L0's settings")
public record HostResponse(
        @Schema(description = "Id", example = "0b5f6d1e-3c4a-4f7e-9a51-2f0c8e9d7b11") UUID id,
        @Schema(description = "Name", example = "testbed") String name,
        @Schema(description = "The profile the hardware started from; absent for custom hardware", example = "asplos20-testbed") String profile,
        @Schema(description = "Always 0: the host and L0", example = "0") int level,
        @Schema(description = "Physical cores", example = "20") int cores,
        @Schema(description = "Base clock in GHz", example = "2.2") double clockGhz,
        @Schema(description = "Memory in GiB", example = "192") int memoryGib,
        NicBody nic,
        FeaturesBody features,
        @Schema(description = "DVH mechanisms L0 supports") List<DvhMechanism> dvh,
        @Schema(description = "L0's halt-polling window in ns", example = "200000") long haltPollNs,
        @Schema(description = "What backs guests' timers") TimerOffload timerOffload,
        @Schema(description = "Whether L0 gives L1 hardware VMCS shadowing", example = "true") boolean exposeVmcsShadowing,
        @Schema(description = "Whether L0 posts interrupts", example = "true") boolean postedInterrupts,
        @Schema(ref = Kernels.SCHEMA_REF, description = "The kernel generation L0 runs; guest hypervisors that name none run it too",
                example = "linux-4.18") String kernel,
        @Schema(description = "The CPUs L0 brings online (its maxcpus), 1 to cores: the NIC's receive queues, L0's interrupts and "
                + "vhost threads share them with the vCPUs, and the vCPUs of the host's direct children fit in them", example = "8")
        int onlineCpus,
        @Schema(description = "The id of the calibration the host computes with; absent: the model's reference parameters",
                example = "5b0f3b5e-8d7e-4d3c-9d0a-2f1f0c6c1a11") UUID calibration,
        @Schema(description = "The name of the calibration the host computes with; absent with calibration", example = "my-icx")
        String calibrationName,
        @Schema(ref = Kernels.SCHEMA_REF, description = "The kernel the host's calibration was fitted on, always L0's kernel (rule "
                + "calibration-kernel); absent with calibration", example = "linux-4.18") String calibrationKernel,
        @Schema(description = "Version, also the ETag", example = "0") long version,
        @Schema(description = "When it was created") Instant createdAt,
        @Schema(description = "When it last changed") Instant updatedAt) {

    /** The host without its calibration's name and kernel (what a merge patch applies to needs only its id). */
    static HostResponse of(HostEntity host) {
        return of(host, null);
    }

    /** The host, {@code calibration} the label of the calibration it names ({@code null} for none). */
    static HostResponse of(HostEntity host, HostCalibrations.Label calibration) {
        HostHardware hw = host.hardware();
        HypervisorSettings l0 = host.l0();
        return new HostResponse(host.getId(), host.getName(), host.getProfile(), 0, hw.cores(), hw.clockGhz(), hw.memoryGib(),
                NicBody.of(hw.nic()), FeaturesBody.of(hw.features()), DvhLists.sorted(l0.dvh()), l0.haltPollNs(), l0.timerOffload(),
                l0.exposeVmcsShadowing(), l0.postedInterrupts(), Kernels.name(l0.kernel()), host.getOnlineCpus(), host.getCalibrationId(),
                calibration == null ? null : calibration.name(), calibration == null ? null : Kernels.name(calibration.kernel()), host.getVersion(),
                host.getCreatedAt(), host.getUpdatedAt());
    }
}
