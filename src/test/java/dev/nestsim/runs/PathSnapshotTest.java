package dev.nestsim.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestsim.model.PathFixture;
import dev.nestsim.model.topology.GuestHypervisor;
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

/** A run's snapshot gives back exactly the path it was taken of, through its stored JSON too. */
class PathSnapshotTest {

    static Stream<Path> paths() {
        Path native0 = Path.nativeHost(PathFixture.baseline(1).host());
        Path tuned = PathFixture.aPath().atLevel(2).withDvh(PathFixture.ALL).build();
        Path hrtimer = new Path(tuned.host(), List.of(new GuestHypervisor("l1", 8, 36,
                tuned.hypervisor(1).settings().withHaltPollNs(0).withTimerOffload(TimerOffload.HRTIMER), tuned.hypervisor(1).viommu())),
                tuned.leaf());
        return Stream.of(native0, PathFixture.baseline(1), PathFixture.baseline(3), PathFixture.dvh(3), PathFixture.passthrough(2), hrtimer);
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
        assertThat(stored).startsWith("{\"schemaVersion\":1,");
    }

    @Test
    void aSnapshotOfAnotherSchemaVersionIsRefusedWithTheReason() {
        PathSnapshot current = PathSnapshot.of(located(PathFixture.baseline(1)));
        PathSnapshot future = new PathSnapshot(2, current.ids(), current.host(), current.hypervisors(), current.leaf());

        assertThatThrownBy(future::toPath).hasMessageContaining("schema version 2");
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
