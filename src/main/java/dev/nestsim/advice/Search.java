package dev.nestsim.advice;

import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.hardware.HostHardware;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.hardware.Nic;
import dev.nestsim.model.topology.Host;
import dev.nestsim.model.topology.HypervisorSettings;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.LeafVm;
import dev.nestsim.model.topology.Path;
import dev.nestsim.model.workload.RunMonitor;
import dev.nestsim.model.workload.WorkloadRunner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deterministic part of a search: the space of a request, its analytic screen and the candidates to simulate. The
 * workload's event rates come from one replication of it in an L1 VM with a virtio NIC on the host, with the request's seed, so the same request
 * always screens to the same candidates (after a restart too).
 */
public final class Search {

    /** The most candidates a request may ask to simulate. */
    public static final int MAX_SIMULATED = 16;
    /** Candidates simulated when a request does not say. */
    public static final int DEFAULT_SIMULATED = 6;

    private final CascadeEngine engine;
    private final Screen screen;

    public Search(CascadeEngine engine) {
        this.engine = engine;
        this.screen = new Screen(engine);
    }

    /**
     * The screened space.
     *
     * @param candidates every candidate
     * @param estimates  the screen's normalizedToNative estimate of each (NaN for one the rules or constraints refuse)
     * @param simulate   the candidates to simulate, most promising first
     * @param rates      the event rates the screen priced
     */
    public record Screened(List<Candidate> candidates, double[] estimates, List<Integer> simulate, EventRates rates) {
    }

    /**
     * Screens every allowed candidate; the ones to simulate are the highest estimates, a tie going to the one that needs less
     * (fewer host features, then fewer requirements): the cheaper configuration.
     */
    public Screened screen(AdviceInput input, WorkloadRunner runner) {
        ConfigurationSpace.Request request = request(input);
        List<Candidate> candidates = ConfigurationSpace.enumerate(request);
        Host host = request.host();
        boolean posted = host.hardware().features().postedInterrupts();
        Path reference = Path.toLeaf(new Host(host.name(), host.hardware(), host.l0().withPostedInterrupts(posted), host.onlineCpus()), List.of(),
                new LeafVm("rates", Math.min(input.vmVcpus(), host.onlineCpus()), Math.min(input.vmMemoryGib(), host.hardware().memoryGib()),
                        IoModel.VIRTIO, Set.of(), posted));
        EventRates rates = EventRates.of(runner.run(reference, input.parameters() == null ? Map.of() : input.parameters(), input.seed(), 1,
                RunMonitor.NONE));
        double[] estimates = new double[candidates.size()];
        List<Integer> eligible = new ArrayList<>();
        for (Candidate c : candidates) {
            estimates[c.index()] = Double.NaN;
            if (c.eligible()) {
                estimates[c.index()] = screen.normalizedToNative(c.path(), rates);
                eligible.add(c.index());
            }
        }
        eligible.sort(Comparator.<Integer>comparingDouble(i -> -estimates[i])
                .thenComparingInt(i -> candidates.get(i).needs().size())
                .thenComparingInt(i -> candidates.get(i).requires().size())
                .thenComparingInt(i -> i));
        List<Integer> simulate = List.copyOf(eligible.subList(0, Math.min(input.maxSimulated(), eligible.size())));
        return new Screened(candidates, estimates, simulate, rates);
    }

    public static ConfigurationSpace.Request request(AdviceInput input) {
        return request(input.host(), input.depth(), input.maxDepth(), input.vmVcpus(), input.vmMemoryGib(), input.constraints(), input.space());
    }

    /** The space request of a checked host, depth, leaf size, constraints and space ({@code null}: the default space). */
    static ConfigurationSpace.Request request(AdviceInput.HostBase b, int depth, int maxDepth, int vmVcpus, int vmMemoryGib, AdviceInput.Limits l,
                                              AdviceSpec.SpaceSpec space) {
        HostHardware hardware = new HostHardware(b.cores(), b.clockGhz(), b.memoryGib(), new Nic(b.nicGbps(), b.nicSriovVfs()), b.features());
        KernelGeneration kernel = KernelGeneration.byApiName(b.kernel()).orElse(HypervisorSettings.DEFAULT_KERNEL);
        Host host = new Host("advice-host", hardware, HypervisorSettings.KVM_DEFAULTS.withKernel(kernel), b.onlineCpus());
        boolean widened = space != null && (space.guestKernels() != null || space.vmVcpus() != null || space.dvhPerLevel() != null);
        List<KernelGeneration> kernels = !widened || space.guestKernels() == null ? List.of(kernel)
                : space.guestKernels().stream().map(k -> KernelGeneration.byApiName(k).orElseThrow()).toList();
        List<Integer> vcpus = !widened || space.vmVcpus() == null ? List.of(vmVcpus) : space.vmVcpus();
        boolean perLevel = widened && Boolean.TRUE.equals(space.dvhPerLevel());
        return new ConfigurationSpace.Request(host, depth, maxDepth, vmVcpus, vmMemoryGib,
                new ConfigurationSpace.Constraints(l.liveMigratable(), l.hostFeatures(), l.availableDvh()),
                new ConfigurationSpace.Space(kernels, vcpus, perLevel, widened));
    }

    public CascadeEngine engine() {
        return engine;
    }
}
