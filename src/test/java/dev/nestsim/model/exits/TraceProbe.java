package dev.nestsim.model.exits;

import dev.nestsim.model.PathFixture;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.Path;

/** Prints a trace (a development probe): args kernel level event [depth]. */
public final class TraceProbe {
    public static void main(String[] args) {
        KernelGeneration k = KernelGeneration.byApiName(args[0]).orElseThrow();
        int level = Integer.parseInt(args[1]);
        GuestEvent event = GuestEvent.valueOf(args[2]);
        int depth = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Path p = PathFixture.aPath().withKernel(k).atLevel(level).build();
        CascadeEngine e = CascadeEngine.reference();
        ExitCostTable t = e.table(p);
        print(e.trace(t, level, event, 5000), 0, depth);
        EventCost c = t.cost(level, event);
        System.out.println("profile: " + c.profile());
    }

    static void print(TraceNode n, int d, int max) {
        System.out.printf("%s%s L%d %s %s x%d [%.0f]%n", "  ".repeat(d), n.kind(), n.level(), n.event() == null ? "" : n.event(),
                n.name(), n.count(), n.totalCycles());
        if (d < max) {
            for (TraceNode c : n.children()) {
                print(c, d + 1, max);
            }
        }
    }
}
