package dev.nestsim.provisioning;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/** Filters and order shared by the lists: each filter applies only when given; creation order, then id. */
final class Listing {

    static final Sort CREATION_ORDER = Sort.by("createdAt", "id");

    private Listing() {
    }

    /** {@code attribute = value}, or no restriction when {@code value} is {@code null}. */
    static <T> Specification<T> where(String attribute, Object value) {
        return (root, query, cb) -> value == null ? cb.conjunction() : cb.equal(root.get(attribute), value);
    }

    /** "1 VM", "2 guest hypervisors", "1 guest hypervisor and 2 VMs". */
    static String children(long hypervisors, long vms) {
        if (hypervisors == 0) {
            return count(vms, "VM");
        }
        return vms == 0 ? count(hypervisors, "guest hypervisor") : count(hypervisors, "guest hypervisor") + " and " + count(vms, "VM");
    }

    static String count(long n, String kind) {
        return n + " " + kind + (n == 1 ? "" : "s");
    }
}
