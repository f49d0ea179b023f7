package dev.nestsim.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestsim.model.PathFixture;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.GuestHypervisor;
import dev.nestsim.model.topology.Host;
import dev.nestsim.model.topology.Path;
import dev.nestsim.model.topology.TimerOffload;
import dev.nestsim.provisioning.LocatedPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run's snapshot gives back exactly the path it was taken of, through its stored JSON too; a version 1 document,
 * stored before kernels and online CPUs, still reads.
 */
class PathSnapshotTest {

    static Stream<Path> paths() {
        Path native0 = Path.nativeHost(PathFixture.baseline(1).host());
        Path tuned = PathFixture.aPath().atLevel(2).withDvh(PathFixture.ALL).build();
        Path hrtimer = new Path(tuned.host(), List.of(new GuestHypervisor("l1", 8, 36,
                tuned.hypervisor(1).settings().withHaltPollNs(0).withTimerOffload(TimerOffload.HRTIMER), tuned.hypervisor(1).viommu())),
                tuned.leaf());
        return Stream.of(native0, PathFixture.baseline(1), PathFixture.baseline(3), PathFixture.dvh(3), PathFixture.passthrough(2), hrtimer,
                kernels());
    }

    /** L0 on Linux 5.3 with 10 CPUs online, L1 running it too (naming none), L2 on Linux 4.18 of its own. */
    static Path kernels() {
        Path l3 = PathFixture.baseline(3);
        Host host = new Host(l3.host().name(), l3.host().hardware(), l3.host().l0().withKernel(KernelGeneration.LINUX_5_3), 10);
        GuestHypervisor l1 = l3.hypervisor(1);
        GuestHypervisor l2 = l3.hypervisor(2);
        GuestHypervisor own = new GuestHypervisor(l2.name(), l2.vcpus(), l2.memoryGib(), l2.settings().withKernel(KernelGeneration.LINUX_4_18),
                l2.viommu());
        return new Path(host, List.of(l1, own), l3.leaf());
    }

    @ParameterizedTest
    @MethodSource("paths")
    void theSnapshotOfAPathGivesThePathBack(Path path) {
        PathSnapshot snapshot = PathSnapshot.of(located(path));

        assertThat(snapshot.toPath()).isEqualTo(path);
        assertThat(snapshot.level()).isEqualTo(path.level());
    }

    @ParameterizedTest
    @MethodSource("paths")
    void theStoredFormReadsBackAsTheSameSnapshot(Path path) {
        PathSnapshot snapshot = PathSnapshot.of(located(path));

        String stored = RunDocuments.snapshot(snapshot);

        assertThat(RunDocuments.snapshot(stored)).isEqualTo(snapshot);
        assertThat(RunDocuments.snapshot(stored).toPath()).isEqualTo(path);
        assertThat(stored).startsWith("{\"schemaVersion\":2,");
    }

    @Test
    void version2StoresTheHostsKernelAndOnlineCpusAndEachHypervisorsOwnKernel() {
        PathSnapshot snapshot = PathSnapshot.of(located(kernels()));

        assertThat(snapshot.schemaVersion()).isEqualTo(2);
        assertThat(snapshot.host().onlineCpus()).isEqualTo(10);
        assertThat(snapshot.host().l0().kernel()).isEqualTo("linux-5.3");
        assertThat(snapshot.hypervisors()).extracting(h -> h.settings().kernel()).containsExactly(null, "linux-4.18");
        assertThat(RunDocuments.snapshot(snapshot)).contains("\"onlineCpus\":10", "\"kernel\":\"linux-5.3\"", "\"kernel\":null");
        Path back = RunDocuments.snapshot(RunDocuments.snapshot(snapshot)).toPath();
        assertThat(back.host().onlineCpus()).isEqualTo(10);
        assertThat(List.of(back.kernel(0), back.kernel(1), back.kernel(2)))
                .containsExactly(KernelGeneration.LINUX_5_3, KernelGeneration.LINUX_5_3, KernelGeneration.LINUX_4_18);
    }

    /** What version 1 stored for an L2 VM in an L1 guest hypervisor on a 20-core testbed: no kernel, no onlineCpus. */
    static final String VERSION_1 = """
            {"schemaVersion":1,"ids":["00000000-0000-4000-8000-000000000000","00000000-0000-4000-8000-000000000001",\
            "00000000-0000-4000-8000-000000000002"],"host":{"name":"tb","cores":20,"clockGhz":2.2,"memoryGib":192,\
            "nic":{"gbps":10.0,"sriovVfs":63},"features":{"vmcsShadowing":true,"apicv":true,"postedInterrupts":true,\
            "vtdPostedInterrupts":true,"ept":true,"tscDeadlineTimer":true,"preemptionTimer":true,"iommu":true},\
            "l0":{"dvh":["VIRTUAL_TIMER"],"haltPollNs":200000,"timerOffload":"PREEMPTION_TIMER","exposeVmcsShadowing":true,\
            "postedInterrupts":true}},"hypervisors":[{"name":"l1","vcpus":8,"memoryGib":36,"settings":{"dvh":["VIRTUAL_TIMER"],\
            "haltPollNs":0,"timerOffload":"PREEMPTION_TIMER","exposeVmcsShadowing":true,"postedInterrupts":true},"viommu":"OFF"}],\
            "leaf":{"name":"l2-vm","vcpus":4,"memoryGib":12,"io":"VIRTIO","dvh":["VIRTUAL_TIMER"],"postedInterrupts":true}}""";

    @Test
    void aVersion1SnapshotReadsAsLinux418WithEveryCoreOnlineAndHypervisorsInheriting() {
        PathSnapshot v1 = RunDocuments.snapshot(VERSION_1);

        Path path = v1.toPath();

        assertThat(v1.schemaVersion()).isEqualTo(1);
        assertThat(path.host().kernel()).isEqualTo(KernelGeneration.LINUX_4_18);
        assertThat(path.host().onlineCpus()).isEqualTo(20);
        assertThat(path.hypervisor(1).settings().kernel()).isNull();
        assertThat(path.kernel(1)).isEqualTo(KernelGeneration.LINUX_4_18);
        assertThat(path.hypervisor(1).settings().haltPollNs()).isZero();
        assertThat(path.leaf().name()).isEqualTo("l2-vm");
        assertThat(path.level()).isEqualTo(2);
    }

    @Test
    void aVersion2SnapshotWithoutTheHostsKernelOrOnlineCpusIsRefusedWithTheReason() {
        String broken = VERSION_1.replace("{\"schemaVersion\":1,", "{\"schemaVersion\":2,");

        assertThatThrownBy(() -> RunDocuments.snapshot(broken).toPath()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("onlineCpus").hasMessageContaining("kernel");
    }

    @Test
    void aSnapshotOfAnotherSchemaVersionIsRefusedWithTheReason() {
        PathSnapshot current = PathSnapshot.of(located(PathFixture.baseline(1)));
        PathSnapshot future = new PathSnapshot(3, current.ids(), current.host(), current.hypervisors(), current.leaf());

        assertThatThrownBy(future::toPath).hasMessageContaining("schema version 3");
    }

    @Test
    void unreadableStoredTextIsAnErrorThatSaysSo() {
        assertThatThrownBy(() -> RunDocuments.snapshot("{\"schemaVersion\":")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be read");
    }

    private static LocatedPath located(Path path) {
        List<UUID> ids = new ArrayList<>();
        for (int level = 0; level <= path.level(); level++) {
            ids.add(UUID.randomUUID());
        }
        return new LocatedPath(path, ids);
    }
}
