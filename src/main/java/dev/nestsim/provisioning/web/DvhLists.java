package dev.nestsim.provisioning.web;

import dev.nestsim.model.topology.DvhMechanism;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** DVH sets in responses: always in the enum's order, so the JSON is stable. */
final class DvhLists {

    private DvhLists() {
    }

    static List<DvhMechanism> sorted(Set<DvhMechanism> mechanisms) {
        return Arrays.stream(DvhMechanism.values()).filter(mechanisms::contains).toList();
    }
}
