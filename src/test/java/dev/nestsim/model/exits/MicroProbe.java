package dev.nestsim.model.exits;

import dev.nestsim.model.PathFixture;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.Path;

/** Prints the microbenchmarks on the paper's configurations for each kernel generation (a development probe). */
public final class MicroProbe {
    public static void main(String[] args) {
        CascadeEngine e = CascadeEngine.reference();
        Microbenchmarks m = new Microbenchmarks(e);
        String[] names = args.length > 0 ? args : new String[] {"hypercall", "device-notify", "program-timer", "send-ipi",
                "cpuid", "inl_from_kernel", "inl_from_qemu", "ipi", "ipi_halt", "tscdeadline_immed", "tscdeadline"};
        for (KernelGeneration k : KernelGeneration.values()) {
            Path[] paths = {PathFixture.aPath().withKernel(k).atLevel(1).build(), PathFixture.aPath().withKernel(k).atLevel(2).build(),
                    PathFixture.aPath().withKernel(k).atLevel(2).withDvh(PathFixture.ALL).build(),
                    PathFixture.aPath().withKernel(k).atLevel(3).build(),
                    PathFixture.aPath().withKernel(k).atLevel(3).withDvh(PathFixture.ALL).build()};
            System.out.printf("%-18s %10s %10s %10s %10s %10s   (%s)%n", "", "L1", "L2", "L2dvh", "L3", "L3dvh", k.apiName());
            for (String name : names) {
                Microbenchmark b = Microbenchmark.byName(name).orElseThrow();
                System.out.printf("%-18s", name);
                for (Path p : paths) {
                    System.out.printf(" %10.0f", m.run(e.table(p), b, false).cycles());
                }
                System.out.println();
            }
        }
    }
}
