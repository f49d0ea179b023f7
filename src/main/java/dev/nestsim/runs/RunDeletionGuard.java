package dev.nestsim.runs;

import dev.nestsim.provisioning.DeletionGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Keeps a VM, a guest hypervisor or a host from being deleted while a QUEUED or RUNNING run's path goes through
 * it. Finished runs never hold anything: they keep their own snapshot and result.
 */
@Component
class RunDeletionGuard implements DeletionGuard {

    private static final int NAMED = 5;

    private final RunLedger ledger;

    RunDeletionGuard(RunLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<String> usersOf(UUID resourceId) {
        List<RunLedger.ActiveUse> uses = ledger.activeUsesOf(resourceId, NAMED);
        if (uses.isEmpty()) {
            return List.of();
        }
        List<String> named = new ArrayList<>();
        for (RunLedger.ActiveUse use : uses) {
            named.add("run " + use.runId() + " (" + use.status() + ")");
        }
        if (uses.size() == NAMED) {
            long all = ledger.countActiveUsesOf(resourceId);
            if (all > NAMED) {
                named.add((all - NAMED) + " more queued or running runs");
            }
        }
        return named;
    }
}
