package dev.nestsim.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole transition table of a run, every pair once. */
class RunStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "QUEUED,    QUEUED,    false",
            "QUEUED,    RUNNING,   true",
            "QUEUED,    SUCCEEDED, false",
            "QUEUED,    FAILED,    false",
            "QUEUED,    CANCELLED, true",
            "RUNNING,   QUEUED,    true",
            "RUNNING,   RUNNING,   true",
            "RUNNING,   SUCCEEDED, true",
            "RUNNING,   FAILED,    true",
            "RUNNING,   CANCELLED, true",
            "SUCCEEDED, QUEUED,    false",
            "SUCCEEDED, RUNNING,   false",
            "SUCCEEDED, SUCCEEDED, false",
            "SUCCEEDED, FAILED,    false",
            "SUCCEEDED, CANCELLED, false",
            "FAILED,    QUEUED,    false",
            "FAILED,    RUNNING,   false",
            "FAILED,    SUCCEEDED, false",
            "FAILED,    FAILED,    false",
            "FAILED,    CANCELLED, false",
            "CANCELLED, QUEUED,    false",
            "CANCELLED, RUNNING,   false",
            "CANCELLED, SUCCEEDED, false",
            "CANCELLED, FAILED,    false",
            "CANCELLED, CANCELLED, false"})
    void aRunMovesOnlyAlongTheTable(RunStatus from, RunStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void theTableCoversEveryPair() {
        assertThat(RunStatus.values()).hasSize(5);
    }

    @Test
    void terminalStatusesGoNowhereAndActiveOnesAreTheOthers() {
        for (RunStatus status : RunStatus.values()) {
            assertThat(status.isTerminal()).isEqualTo(RunStatus.sourcesOf(RunStatus.CANCELLED).contains(status) == false);
            assertThat(RunStatus.active().contains(status)).isEqualTo(!status.isTerminal());
        }
    }

    @Test
    void onlyAnExecutionFinishesARunWhileACancellationMayAlsoStopAQueuedOne() {
        assertThat(RunStatus.sourcesOf(RunStatus.SUCCEEDED)).containsExactly(RunStatus.RUNNING);
        assertThat(RunStatus.sourcesOf(RunStatus.FAILED)).containsExactly(RunStatus.RUNNING);
        assertThat(RunStatus.sourcesOf(RunStatus.CANCELLED)).isEqualTo(EnumSet.of(RunStatus.QUEUED, RunStatus.RUNNING));
        assertThat(RunStatus.sourcesOf(RunStatus.RUNNING)).isEqualTo(EnumSet.of(RunStatus.QUEUED, RunStatus.RUNNING));
    }
}
