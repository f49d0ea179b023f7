package dev.nestsim.advice;

import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.ViommuMode;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One point of the configuration space: the knobs. Every knob but the DVH sets is the same at every level of the path; the DVH
 * sets are the same at every level unless {@code hypervisorDvh} says otherwise.
 *
 * @param io               the leaf's I/O model
 * @param dvh              the DVH mechanisms the leaf uses ({@code VIRTUAL_PASSTHROUGH} exactly when {@code io} is that)
 * @param viommu           the virtual IOMMU of every guest hypervisor: OFF unless the leaf's device is assigned through them
 * @param postedInterrupts whether every level posts interrupts to its guests
 * @param vmcsShadowing    whether every hypervisor exposes VMCS shadowing to the one above it
 * @param haltPollNs       every hypervisor's halt-polling window
 * @param hypervisorDvh    the mechanisms each guest hypervisor provides, L1 first, when they differ from level to level; empty (the
 *                         uniform case, and its only form: a list that repeats {@code dvh} at every level is stored empty) when every
 *                         guest hypervisor provides {@code dvh}. L0 supports every mechanism any level uses. Why per level: a
 *                         mechanism a guest hypervisor is given is in force for its own exits too, so L1 may gain from one its guests
 *                         are not given
 * @param guestKernel      the kernel generation every guest hypervisor runs ({@code linux-5.10}), L0 running the host's; {@code null}
 *                         at depth 1 (there is none), or in a configuration stored before this knob (then the host's)
 * @param vmVcpus          the leaf's vCPUs (a guest hypervisor at level k has {@code vmVcpus + 2 (depth - k)}); {@code null} in a
 *                         configuration stored before this knob (then the request's {@code vm.vcpus})
 */
@Schema(name = "Configuration", description = "The knobs of one configuration; every knob but the DVH sets is the same at every level")
public record Configuration(
        @Schema(description = "The VM's I/O model") IoModel io,
        @ArraySchema(arraySchema = @Schema(description = "The DVH mechanisms the VM uses"), maxItems = 4, uniqueItems = true) Set<DvhMechanism> dvh,
        @Schema(description = "Every guest hypervisor's virtual IOMMU (OFF unless a device is assigned through them)") ViommuMode viommu,
        @Schema(description = "Whether every level posts interrupts") boolean postedInterrupts,
        @Schema(description = "Whether every hypervisor exposes VMCS shadowing") boolean vmcsShadowing,
        @Schema(description = "Every hypervisor's halt-polling window, ns", example = "200000") long haltPollNs,
        @ArraySchema(arraySchema = @Schema(description = "The DVH set each guest hypervisor provides, L1 first, when the levels differ "
                + "(space.dvhPerLevel); empty: every one provides dvh. L0 supports every mechanism some level uses"), maxItems = 8)
        List<Set<DvhMechanism>> hypervisorDvh,
        @Schema(description = "The kernel every guest hypervisor runs (L0 runs the host's); null at depth 1", example = "linux-5.10",
                nullable = true) String guestKernel,
        @Schema(description = "The VM's vCPUs (a guest hypervisor at level k has vmVcpus + 2 (depth - k))", example = "4", nullable = true)
        Integer vmVcpus) {

    public Configuration {
        Objects.requireNonNull(io, "io");
        Objects.requireNonNull(viommu, "viommu");
        dvh = frozen(dvh);
        List<Set<DvhMechanism>> levels = new ArrayList<>();
        boolean uniform = true;
        for (Set<DvhMechanism> level : hypervisorDvh == null ? List.<Set<DvhMechanism>>of() : hypervisorDvh) {
            Set<DvhMechanism> s = frozen(level == null ? Set.of() : level);
            uniform &= s.equals(dvh);
            levels.add(s);
        }
        hypervisorDvh = uniform ? List.of() : List.copyOf(levels);
    }

    /**
     * A configuration as it was before the kernel, vCPU and per-level DVH knobs: uniform DVH sets, the host's kernel, the request's
     * vCPUs ({@link ConfigurationSpace#resolve} fills them in).
     */
    public Configuration(IoModel io, Set<DvhMechanism> dvh, ViommuMode viommu, boolean postedInterrupts, boolean vmcsShadowing, long haltPollNs) {
        this(io, dvh, viommu, postedInterrupts, vmcsShadowing, haltPollNs, List.of(), null, null);
    }

    private static Set<DvhMechanism> frozen(Set<DvhMechanism> s) {
        return s.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(s));
    }

    /** Whether the leaf's device is assigned through every guest hypervisor (so they need a virtual IOMMU). */
    public boolean assignsDevice() {
        return io == IoModel.PASSTHROUGH || io == IoModel.VIRTUAL_PASSTHROUGH;
    }

    /** Whether the guest hypervisors provide different mechanism sets (otherwise each provides {@link #dvh}). */
    public boolean dvhPerLevel() {
        return !hypervisorDvh.isEmpty();
    }

    /** What the guest hypervisor at {@code level} (1 for L1) provides. */
    public Set<DvhMechanism> dvhOfHypervisor(int level) {
        return hypervisorDvh.isEmpty() ? dvh : hypervisorDvh.get(level - 1);
    }

    /** What L0 supports: every mechanism some level uses, so that L0 is never the link that misses one. */
    public Set<DvhMechanism> l0Dvh() {
        EnumSet<DvhMechanism> all = EnumSet.noneOf(DvhMechanism.class);
        all.addAll(dvh);
        hypervisorDvh.forEach(all::addAll);
        return frozen(all);
    }

    /** The same knobs with {@code m} used by the leaf and provided by every level ({@code on}), or by none ({@code !on}). */
    public Configuration withMechanism(DvhMechanism m, boolean on) {
        List<Set<DvhMechanism>> levels = new ArrayList<>();
        for (Set<DvhMechanism> level : hypervisorDvh) {
            levels.add(toggled(level, m, on));
        }
        return new Configuration(io, toggled(dvh, m, on), viommu, postedInterrupts, vmcsShadowing, haltPollNs, levels, guestKernel, vmVcpus);
    }

    private static Set<DvhMechanism> toggled(Set<DvhMechanism> s, DvhMechanism m, boolean on) {
        EnumSet<DvhMechanism> out = EnumSet.noneOf(DvhMechanism.class);
        out.addAll(s);
        if (on) {
            out.add(m);
        } else {
            out.remove(m);
        }
        return out;
    }

    /** The same knobs with I/O model {@code model} and virtual IOMMU {@code mode} (VIRTUAL_PASSTHROUGH following the model). */
    public Configuration withIo(IoModel model, ViommuMode mode) {
        Configuration c = new Configuration(model, dvh, mode, postedInterrupts, vmcsShadowing, haltPollNs, hypervisorDvh, guestKernel, vmVcpus);
        return c.withMechanism(DvhMechanism.VIRTUAL_PASSTHROUGH, model == IoModel.VIRTUAL_PASSTHROUGH);
    }

    public Configuration withViommu(ViommuMode mode) {
        return new Configuration(io, dvh, mode, postedInterrupts, vmcsShadowing, haltPollNs, hypervisorDvh, guestKernel, vmVcpus);
    }

    public Configuration withPostedInterrupts(boolean posted) {
        return new Configuration(io, dvh, viommu, posted, vmcsShadowing, haltPollNs, hypervisorDvh, guestKernel, vmVcpus);
    }

    public Configuration withVmcsShadowing(boolean exposed) {
        return new Configuration(io, dvh, viommu, postedInterrupts, exposed, haltPollNs, hypervisorDvh, guestKernel, vmVcpus);
    }

    public Configuration withHaltPollNs(long ns) {
        return new Configuration(io, dvh, viommu, postedInterrupts, vmcsShadowing, ns, hypervisorDvh, guestKernel, vmVcpus);
    }

    public Configuration withGuestKernel(String kernel) {
        return new Configuration(io, dvh, viommu, postedInterrupts, vmcsShadowing, haltPollNs, hypervisorDvh, kernel, vmVcpus);
    }

    public Configuration withVmVcpus(Integer vcpus) {
        return new Configuration(io, dvh, viommu, postedInterrupts, vmcsShadowing, haltPollNs, hypervisorDvh, guestKernel, vcpus);
    }

    /**
     * A short, stable name: {@code VIRTIO dvh[TIMER,IPI] viommu-OFF pi vmcs poll-200000 kernel-linux-5.10 vcpus-4}, with
     * {@code hv-dvh[TIMER,IPI|TIMER]} (L1, then L2, ...) after the leaf's set when the levels differ.
     */
    public String describe() {
        String levels = hypervisorDvh.isEmpty() ? "" : " hv-dvh[" + hypervisorDvh.stream().map(Configuration::names)
                .collect(Collectors.joining("|")) + "]";
        return io + " dvh[" + names(dvh) + "]" + levels + " viommu-" + viommu + (postedInterrupts ? " pi" : " no-pi")
                + (vmcsShadowing ? " vmcs" : " no-vmcs") + " poll-" + haltPollNs + (guestKernel == null ? "" : " kernel-" + guestKernel)
                + (vmVcpus == null ? "" : " vcpus-" + vmVcpus);
    }

    private static String names(Set<DvhMechanism> s) {
        return s.stream().map(m -> m.name().replace("VIRTUAL_", "")).collect(Collectors.joining(","));
    }
}
