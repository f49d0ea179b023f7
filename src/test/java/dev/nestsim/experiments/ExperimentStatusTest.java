package dev.nestsim.experiments;

import static dev.nestsim.experiments.ExperimentStatus.CANCELLED;
import static dev.nestsim.experiments.ExperimentStatus.FAILED;
import static dev.nestsim.experiments.ExperimentStatus.QUEUED;
import static dev.nestsim.experiments.ExperimentStatus.RUNNING;
import static dev.nestsim.experiments.ExperimentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The experiment state machine, move by move: the whole 5 x 5 matrix. */
class ExperimentStatusTest {

    private static final Map<ExperimentStatus, Set<ExperimentStatus>> ALLOWED = Map.of(
            QUEUED, EnumSet.of(RUNNING, SUCCEEDED, FAILED, CANCELLED),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED),
            SUCCEEDED, EnumSet.noneOf(ExperimentStatus.class),
            FAILED, EnumSet.noneOf(ExperimentStatus.class),
            CANCELLED, EnumSet.noneOf(ExperimentStatus.class));

    static Stream<Arguments> everyMove() {
        return Stream.of(ExperimentStatus.values()).flatMap(from -> Stream.of(ExperimentStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyMove")
    void onlyTheMovesOfTheTableAreAllowed(ExperimentStatus from, ExperimentStatus to) {
        assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.get(from).contains(to));
        assertThat(ExperimentStatus.sourcesOf(to).contains(from)).isEqualTo(ALLOWED.get(from).contains(to));
        assertThat(from.isTerminal()).isEqualTo(ALLOWED.get(from).isEmpty());
    }
}
