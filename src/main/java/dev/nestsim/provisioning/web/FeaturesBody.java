package dev.nestsim.provisioning.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.model.hardware.CpuFeatures;
import dev.nestsim.provisioning.HostSpec;
import io.swagger.v3.oas.annotations.media.Schema;

/** CPU and chipset virtualization features (docs/model.md section 3). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CpuFeatures", description = "CPU and chipset virtualization features; with a profile, each field given overrides the profile's")
public record FeaturesBody(
        @Schema(description = "VMREAD/VMWRITE by an L1 hypervisor do not exit (Haswell and later)", example = "true") Boolean vmcsShadowing,
        @Schema(description = "APIC virtualization", example = "true") Boolean apicv,
        @Schema(description = "Interrupts reach a running vCPU without an exit; needs apicv", example = "true") Boolean postedInterrupts,
        @Schema(description = "Device interrupts are posted by the IOMMU too; needs iommu and postedInterrupts", example = "true")
        Boolean vtdPostedInterrupts,
        @Schema(description = "Extended page tables; must be true (shadow paging is not modelled)", example = "true") Boolean ept,
        @Schema(description = "The local APIC's TSC-deadline timer mode", example = "true") Boolean tscDeadlineTimer,
        @Schema(description = "The VMX preemption timer", example = "true") Boolean preemptionTimer,
        @Schema(description = "VT-d present and enabled, needed for PASSTHROUGH", example = "true") Boolean iommu) {

    static FeaturesBody of(CpuFeatures f) {
        return new FeaturesBody(f.vmcsShadowing(), f.apicv(), f.postedInterrupts(), f.vtdPostedInterrupts(), f.ept(),
                f.tscDeadlineTimer(), f.preemptionTimer(), f.iommu());
    }

    HostSpec.FeatureOverrides toOverrides() {
        return new HostSpec.FeatureOverrides(vmcsShadowing, apicv, postedInterrupts, vtdPostedInterrupts, ept, tscDeadlineTimer,
                preemptionTimer, iommu);
    }
}
