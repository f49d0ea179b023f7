package dev.nestsim.advice;

import dev.nestsim.experiments.ExperimentSpec;
import dev.nestsim.model.hardware.CpuFeatures;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.provisioning.HostSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A candidate as an experiment's topology (to simulate it) and as provisioning bodies (to create it): the same knobs in both, so
 * that the bodies provision the path the recommendation's figure was simulated on (L0's DVH support, each guest hypervisor's
 * set, kernel and vCPUs, the VM's vCPUs).
 */
final class Blueprints {

    private Blueprints() {
    }

    static ExperimentSpec.TopologySpec topology(String name, Candidate c, AdviceInput input) {
        ConfigurationSpace.Request request = Search.request(input);
        Configuration k = ConfigurationSpace.resolve(c.configuration(), request);
        AdviceInput.HostBase b = input.host();
        CpuFeatures f = b.features();
        ExperimentSpec.HostExtras extras = new ExperimentSpec.HostExtras(b.nicGbps(), b.nicSriovVfs(), new HostSpec.FeatureOverrides(
                f.vmcsShadowing(), f.apicv(), f.postedInterrupts(), f.vtdPostedInterrupts(), f.ept(), f.tscDeadlineTimer(), f.preemptionTimer(),
                f.iommu()), k.haltPollNs(), k.vmcsShadowing(), k.postedInterrupts());
        ExperimentSpec.HostPart host = new ExperimentSpec.HostPart(b.profile(), b.cores(), b.clockGhz(), b.memoryGib(), k.l0Dvh(), b.kernel(),
                b.onlineCpus(), extras);
        List<ExperimentSpec.HypervisorPart> chain = new ArrayList<>();
        for (int level = 1; level < input.depth(); level++) {
            chain.add(new ExperimentSpec.HypervisorPart(ConfigurationSpace.hypervisorVcpus(k, request, level),
                    ConfigurationSpace.hypervisorMemoryGib(request, level), k.dvhOfHypervisor(level), k.viommu(), k.guestKernel(), k.vmcsShadowing(),
                    k.haltPollNs(), k.postedInterrupts()));
        }
        return new ExperimentSpec.TopologySpec(name, host, chain,
                new ExperimentSpec.VmPart(k.vmVcpus(), input.vmMemoryGib(), k.io(), k.dvh(), k.postedInterrupts()));
    }

    static AdviceResult.Provisioning provisioning(String prefix, Candidate c, AdviceInput input) {
        ConfigurationSpace.Request request = Search.request(input);
        Configuration k = ConfigurationSpace.resolve(c.configuration(), request);
        AdviceInput.HostBase b = input.host();
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("name", prefix + "-host");
        if (b.profile() != null) {
            host.put("profile", b.profile());
        } else {
            host.put("cores", b.cores());
            host.put("clockGhz", b.clockGhz());
            host.put("memoryGib", b.memoryGib());
            host.put("nic", Map.of("gbps", b.nicGbps(), "sriovVfs", b.nicSriovVfs()));
            host.put("features", b.features());
        }
        host.put("kernel", b.kernel());
        host.put("onlineCpus", b.onlineCpus());
        host.put("dvh", names(k.l0Dvh()));
        host.put("haltPollNs", k.haltPollNs());
        host.put("exposeVmcsShadowing", k.vmcsShadowing());
        host.put("postedInterrupts", k.postedInterrupts());
        List<Map<String, Object>> hypervisors = new ArrayList<>();
        Map<String, Object> parent = Map.of("hostId", "{host.id}");
        for (int level = 1; level < input.depth(); level++) {
            Map<String, Object> hv = new LinkedHashMap<>();
            hv.put("name", prefix + "-l" + level);
            hv.put("parent", parent);
            hv.put("vcpus", ConfigurationSpace.hypervisorVcpus(k, request, level));
            hv.put("memoryGib", ConfigurationSpace.hypervisorMemoryGib(request, level));
            hv.put("kernel", k.guestKernel());
            hv.put("dvh", names(k.dvhOfHypervisor(level)));
            hv.put("viommu", k.viommu().name());
            hv.put("haltPollNs", k.haltPollNs());
            hv.put("exposeVmcsShadowing", k.vmcsShadowing());
            hv.put("postedInterrupts", k.postedInterrupts());
            hypervisors.add(hv);
            parent = Map.of("hypervisorId", "{hypervisors[" + (level - 1) + "].id}");
        }
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("name", prefix + "-vm");
        vm.put("parent", parent);
        vm.put("vcpus", k.vmVcpus());
        vm.put("memoryGib", input.vmMemoryGib());
        vm.put("io", k.io().name());
        vm.put("dvh", names(k.dvh()));
        vm.put("postedInterrupts", k.postedInterrupts());
        return new AdviceResult.Provisioning(host, hypervisors, vm);
    }

    private static List<String> names(Set<DvhMechanism> dvh) {
        return dvh.stream().map(Enum::name).toList();
    }
}
