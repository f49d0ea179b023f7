package dev.nestsim.experiments;

import dev.nestsim.provisioning.DeletionGuard;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Keeps a VM or host from being deleted while a QUEUED or RUNNING experiment has it as a configuration (its later
 * cells still need it), and keeps what an experiment provisioned for itself until the experiment is deleted.
 */
@Component
class ExperimentDeletionGuard implements DeletionGuard {

    private static final int NAMED = 5;

    private final ExperimentLedger ledger;

    ExperimentDeletionGuard(ExperimentLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<String> usersOf(UUID resourceId) {
        return ledger.holdersOf(resourceId, NAMED).stream().map(h -> h.owner()
                ? "experiment " + h.experimentId() + " ('" + h.name() + "', which provisioned it: deleting the experiment deletes it)"
                : "experiment " + h.experimentId() + " ('" + h.name() + "', " + h.status() + ")").toList();
    }
}
