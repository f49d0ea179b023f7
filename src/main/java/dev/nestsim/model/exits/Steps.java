package dev.nestsim.model.exits;

import java.util.ArrayList;
import java.util.List;

/** A small builder for the steps of a plan; zero work and zero counts are left out. */
final class Steps {

    private final List<Step> list = new ArrayList<>(24);

    Steps work(int level, String name, double cycles) {
        if (cycles > 0) {
            list.add(new Step.Work(level, name, cycles));
        }
        return this;
    }

    Steps sub(int level, GuestEvent event, long count) {
        if (count > 0) {
            list.add(new Step.Sub(level, event, count));
        }
        return this;
    }

    /** The position to pass to {@link #dirtiedSince} later. */
    int mark() {
        return list.size();
    }

    /** Whether a step added since {@code mark} dirties the VMCS of {@code level}'s guest. */
    boolean dirtiedSince(int mark, int level) {
        for (int i = mark; i < list.size(); i++) {
            if (list.get(i) instanceof Step.Sub sub && sub.level() == level && sub.event().dirtiesVmcs()) {
                return true;
            }
        }
        return false;
    }

    List<Step> build() {
        return java.util.Collections.unmodifiableList(list);
    }
}
