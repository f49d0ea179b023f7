package dev.nestsim.provisioning;

import java.util.List;
import java.util.UUID;

/**
 * What another feature implements to keep a host, guest hypervisor or VM from being deleted while its own
 * work still needs it (simulation runs that are queued or running, for example). Provisioning calls every
 * guard under the host's lock, just before it deletes; any user a guard names makes the delete a 409.
 * Provisioning knows nothing of the features behind the guards.
 */
public interface DeletionGuard {

    /**
     * What still uses the resource with this id and forbids deleting it now, each in words a user can act on
     * (for example {@code "run 3f2a... (RUNNING)"}); empty when nothing does.
     */
    List<String> usersOf(UUID resourceId);
}
