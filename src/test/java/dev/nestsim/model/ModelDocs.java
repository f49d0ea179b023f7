package dev.nestsim.model;

import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.exits.Calibration;
import dev.nestsim.model.exits.ExitCostTable;
import dev.nestsim.model.exits.Microbenchmark;
import dev.nestsim.model.exits.Microbenchmarks;
import dev.nestsim.model.exits.Param;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The generated sections of docs/model.md: the calibration table, the fit and the microbenchmark table. */
final class ModelDocs {

    private ModelDocs() {
    }

    static Map<String, String> sections() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("calibration", calibration());
        sections.put("fit", fit());
        sections.put("kernels", kernels());
        sections.put("microbenchmarks", microbenchmarks());
        sections.put("worked-example", workedExample());
        return sections;
    }

    /** The L2 and L3 hypercall traces as the service returns them, drawn as trees (two levels of detail). */
    static String workedExample() {
        CascadeEngine engine = CascadeEngine.reference();
        StringBuilder md = new StringBuilder();
        for (int level : new int[] {2, 3}) {
            ExitCostTable table = engine.table(PathFixture.baseline(level));
            var cost = table.leaf(dev.nestsim.model.exits.GuestEvent.HYPERCALL);
            md.append("HYPERCALL at L").append(level).append(": ").append(number(cost.cycles())).append(" cycles; exits raised per level ")
                    .append(cost.exitsPerLevel()).append("\n");
            md.append("```\n");
            tree(md, engine.trace(table, level, dev.nestsim.model.exits.GuestEvent.HYPERCALL, 2000), 0, level == 2 ? 2 : 1);
            md.append("```\n");
        }
        return md.toString();
    }

    private static void tree(StringBuilder md, dev.nestsim.model.exits.TraceNode n, int depth, int maxDepth) {
        md.append("  ".repeat(depth)).append("- L").append(n.level()).append(' ');
        if ("EVENT".equals(n.kind())) {
            if (n.count() > 1) {
                md.append(n.count()).append(" x ");
            }
            md.append(n.event());
            if (n.handledAt() >= 0) {
                md.append(" -> L").append(n.handledAt());
            }
            md.append(": ").append(n.name());
        } else {
            md.append("work: ").append(n.name());
        }
        md.append("  [").append(number(n.totalCycles())).append("]\n");
        if (depth < maxDepth) {
            for (var child : n.children()) {
                tree(md, child, depth + 1, maxDepth);
            }
        }
    }

    static String calibration() {
        StringBuilder md = new StringBuilder("| parameter | value | plausible range | unit | basis | what it is | source |\n"
                + "| --- | ---: | --- | --- | --- | --- | --- |\n");
        for (Param p : Param.values()) {
            String range = p.hasRange() ? number(p.low()) + " to " + number(p.high()) : "";
            md.append("| `").append(p.name()).append("` | ").append(number(Calibration.DEFAULT.get(p))).append(" | ").append(range)
                    .append(" | ").append(p.unit()).append(" | ").append(p.basis()).append(" | ").append(escape(p.meaning()))
                    .append(" | ").append(escape(p.source())).append(" |\n");
        }
        return md.toString();
    }

    /** Every published figure the model is fitted to or checked against, on the kernel it was measured on, with its source. */
    static String fit() {
        String vmexitIpi = "Wanpeng Li, '[PATCH v2] KVM: X86: Ultra fast single target IPI fastpath', kvm@vger.kernel.org 2020 (vmexit.flat, Skylake-SP)";
        String vmexitTsc = "Wanpeng Li, '[PATCH 0/2] KVM: VMX: Tscdeadline timer emulation fastpath', kvm@vger.kernel.org 2020 (vmexit.flat, Skylake-SP)";
        String dvh = "Lim and Nieh, 'Optimizing Nested Virtualization Performance Using Direct Virtual Hardware', ASPLOS 2020, Table 3";
        String dall = "Dall et al., 'ARM Virtualization: Performance and Architectural Implications', ISCA 2016 (x86 KVM, Sandy Bridge)";
        String bonzini = "Bonzini, '[PATCH 00/43] VMX optimizations', kvm@vger.kernel.org 2019 (nested vmexit.flat, CPU not stated)";
        StringBuilder md = new StringBuilder("| operation | where | kernel | published | model | source |\n| --- | --- | --- | --- | ---: | --- |\n");
        row(md, "hypercall (vmcall)", "L1 VM", KernelGeneration.LINUX_4_18, "1,529 to 1,559", Microbenchmark.VMCALL, 1,
                "Wanpeng Li, kvm@vger.kernel.org 2020 (vmexit.flat vmcall, Skylake-SP)");
        row(md, "ipi (waits for the receiver)", "L1 VM", KernelGeneration.LINUX_4_18, "4,238 (no fast path)", Microbenchmark.IPI, 1, vmexitIpi);
        row(md, "ipi (waits for the receiver)", "L1 VM", KernelGeneration.LINUX_5_10, "3,203 to 3,293 (fast path)", Microbenchmark.IPI, 1, vmexitIpi);
        row(md, "tscdeadline_immed", "L1 VM", KernelGeneration.LINUX_4_18, "2,919 to 3,029 (no fast path)", Microbenchmark.TSCDEADLINE_IMMED, 1, vmexitTsc);
        row(md, "tscdeadline_immed", "L1 VM", KernelGeneration.LINUX_5_10, "2,468 to 2,495 (fast path)", Microbenchmark.TSCDEADLINE_IMMED, 1, vmexitTsc);
        row(md, "cpuid", "L1 VM", KernelGeneration.LINUX_5_10, "1,018 to 1,101", Microbenchmark.CPUID, 1,
                "kvm@vger.kernel.org 2024 (vmexit.flat cpuid)");
        row(md, "device notify", "L1 VM", KernelGeneration.LINUX_4_18, "4,984", Microbenchmark.DEVICE_NOTIFY, 1, dvh);
        row(md, "device notify", "L2 VM, baseline", KernelGeneration.LINUX_4_18, "48,390", Microbenchmark.DEVICE_NOTIFY, 2, dvh);
        row(md, "inl_from_kernel", "L1 VM", KernelGeneration.LINUX_4_18, "2,565 (Sandy Bridge; fitted as its difference to the hypercall)", Microbenchmark.INL_FROM_KERNEL, 1, dall);
        row(md, "inl_from_qemu", "L1 VM", KernelGeneration.LINUX_4_18, "6,732 (Sandy Bridge; fitted as its difference to inl_from_kernel)", Microbenchmark.INL_FROM_QEMU, 1, dall);
        row(md, "hypercall (vmcall)", "L2 VM", KernelGeneration.LINUX_5_3, "13,189 (5.3; 14,918 on 5.2)", Microbenchmark.VMCALL, 2, bonzini);
        row(md, "cpuid", "L2 VM", KernelGeneration.LINUX_5_3, "13,142 (5.3; 14,886 on 5.2)", Microbenchmark.CPUID, 2, bonzini);
        return md.toString();
    }

    private static void row(StringBuilder md, String op, String where, KernelGeneration kernel, String published, Microbenchmark m,
                            int level, String source) {
        md.append("| ").append(op).append(" | ").append(where).append(" | ").append(kernel.apiName()).append(" | ").append(published)
                .append(" | ").append(number(cycles(PathFixture.aPath().withKernel(kernel).atLevel(level).build(), m)))
                .append(" | ").append(escape(source)).append(" |\n");
    }

    /** The paper's four and the vmexit set at L2 and L3, baseline, on each kernel generation (every level the same). */
    static String kernels() {
        Microbenchmark[] rows = {Microbenchmark.HYPERCALL, Microbenchmark.DEVICE_NOTIFY, Microbenchmark.PROGRAM_TIMER,
            Microbenchmark.SEND_IPI, Microbenchmark.CPUID, Microbenchmark.INL_FROM_KERNEL, Microbenchmark.INL_FROM_QEMU,
            Microbenchmark.IPI, Microbenchmark.TSCDEADLINE_IMMED};
        StringBuilder md = new StringBuilder("| microbenchmark |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (int level : new int[] {1, 2, 3}) {
            for (KernelGeneration k : KernelGeneration.values()) {
                md.append(" L").append(level).append(' ').append(k.apiName()).append(" |");
                rule.append(" ---: |");
            }
        }
        md.append('\n').append(rule).append('\n');
        for (Microbenchmark m : rows) {
            md.append("| ").append(m.apiName()).append(" |");
            for (int level : new int[] {1, 2, 3}) {
                for (KernelGeneration k : KernelGeneration.values()) {
                    md.append(' ').append(number(cycles(PathFixture.aPath().withKernel(k).atLevel(level).build(), m))).append(" |");
                }
            }
            md.append('\n');
        }
        return md.toString();
    }

    static String microbenchmarks() {
        Map<String, Path> configs = new LinkedHashMap<>();
        configs.put("native", PathFixture.aPath().atLevel(0).build());
        configs.put("L1", PathFixture.baseline(1));
        configs.put("L2 baseline", PathFixture.baseline(2));
        configs.put("L2 passthrough", PathFixture.passthrough(2));
        configs.put("L2 DVH-VP", PathFixture.aPath().atLevel(2).withDvh(java.util.EnumSet.of(dev.nestsim.model.topology.DvhMechanism.VIRTUAL_PASSTHROUGH)).build());
        configs.put("L2 DVH", PathFixture.dvh(2));
        configs.put("L3 baseline", PathFixture.baseline(3));
        configs.put("L3 DVH", PathFixture.dvh(3));
        configs.put("L2, no VMCS shadowing", PathFixture.aPath().atLevel(2).withoutHostVmcsShadowing().build());
        configs.put("L3, no VMCS shadowing", PathFixture.aPath().atLevel(3).withoutHostVmcsShadowing().build());
        StringBuilder md = new StringBuilder("| microbenchmark |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (String name : configs.keySet()) {
            md.append(' ').append(name).append(" |");
            rule.append(" ---: |");
        }
        md.append('\n').append(rule).append('\n');
        CascadeEngine engine = CascadeEngine.reference();
        Map<String, ExitCostTable> tables = new LinkedHashMap<>();
        configs.forEach((name, path) -> tables.put(name, engine.table(path)));
        Microbenchmarks runner = new Microbenchmarks(engine);
        for (Microbenchmark m : Microbenchmark.values()) {
            md.append("| ").append(m.apiName()).append(" |");
            for (ExitCostTable table : tables.values()) {
                var r = runner.run(table, m, false);
                md.append(' ').append(r.applicable() ? number(r.cycles()) : "n/a").append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static double cycles(Path path, Microbenchmark m) {
        CascadeEngine engine = CascadeEngine.reference();
        return new Microbenchmarks(engine).run(engine.table(path), m, false).cycles();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
