package dev.nestsim.advice;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.springframework.stereotype.Component;

/**
 * The JobRunr job of a sensitivity analysis: the durable trigger any instance's background job server may pick up, retried
 * when the instance running it dies. It carries only the analysis' id; {@link SensitivityWorker} carries on from the last stored
 * point and does nothing for a finished analysis.
 */
@Component
public class SensitivityJob {

    private final SensitivityWorker worker;

    SensitivityJob(SensitivityWorker worker) {
        this.worker = worker;
    }

    @Job(name = "sensitivity analysis %0", retries = 3)
    public void execute(UUID analysisId) {
        worker.compute(analysisId);
    }

    /** The job id of the first trigger (the analysis' id) and of the {@code n}-th re-trigger by the sweep. */
    static UUID jobIdOf(UUID analysisId, int sweep) {
        return sweep == 0 ? analysisId : UUID.nameUUIDFromBytes((analysisId + "#sweep-" + sweep).getBytes(StandardCharsets.UTF_8));
    }
}
