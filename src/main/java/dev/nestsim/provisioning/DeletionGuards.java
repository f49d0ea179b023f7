package dev.nestsim.provisioning;

import dev.nestsim.api.Problems.InUseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Asks every {@link DeletionGuard} before a delete; a 409 naming the users when any guard objects. */
@Component
class DeletionGuards {

    private final ObjectProvider<DeletionGuard> guards;

    DeletionGuards(ObjectProvider<DeletionGuard> guards) {
        this.guards = guards;
    }

    /**
     * @param described how the error names the resource: {@code "VM 'l2-vm' (L2)"}
     * @throws InUseException when a guard names a user of the resource
     */
    void requireUnused(String described, UUID id) {
        List<String> users = new ArrayList<>();
        guards.orderedStream().forEach(guard -> users.addAll(guard.usersOf(id)));
        if (!users.isEmpty()) {
            throw new InUseException(described + " is used by " + String.join(", ", users)
                    + ": cancel them or wait until they finish, then delete it");
        }
    }
}
