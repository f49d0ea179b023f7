package dev.nestsim.model.exits;

import dev.nestsim.model.PathFixture;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.Path;

/** A development probe: bounded coordinate descent of the nested parameters over the section 3 nested rows. */
public final class FitProbe {
    static final Param[] P = {Param.REFLECT_SOFTWARE, Param.EMULATE_ENTRY_SOFTWARE, Param.IBPB, Param.TLB_REFILL_HYPERVISOR,
            Param.TLB_REFILL_GUEST, Param.VCPU_PUT_LOAD, Param.FIELD_OFFSET_LOOKUP, Param.FULL_ENTRY_CHECKS, Param.NESTED_EPT_FAULT,
            Param.INSTRUCTION_DECODE, Param.INVEPT};
    static double[] lo = {500, 1500, 500, 1000, 500, 800, 5, 200, 1000, 1000, 150};
    static double[] hi = {3000, 8000, 4000, 10000, 6000, 2000, 40, 900, 2500, 3000, 800};

    static double micro(Calibration c, KernelGeneration k, int level, Microbenchmark m) {
        CascadeEngine e = new CascadeEngine(c);
        Path p = PathFixture.aPath().withKernel(k).atLevel(level).build();
        return new Microbenchmarks(e).run(e.table(p), m, false).cycles();
    }

    static Calibration cal(double[] x) {
        Calibration c = Calibration.DEFAULT;
        for (int i = 0; i < P.length; i++) {
            c = c.with(P[i], x[i]);
        }
        return c;
    }

    static double loss(double[] x) {
        Calibration c = cal(x);
        double a = Math.log(micro(c, KernelGeneration.LINUX_5_3, 2, Microbenchmark.VMCALL) / 13189);
        double b = Math.log(micro(c, KernelGeneration.LINUX_5_3, 2, Microbenchmark.CPUID) / 13142);
        double d = Math.log(micro(c, KernelGeneration.LINUX_4_18, 2, Microbenchmark.DEVICE_NOTIFY) / 48390);
        return a * a + b * b + d * d;
    }

    public static void main(String[] args) {
        if (args.length == 2) {
            Calibration c = Calibration.DEFAULT.with(Param.valueOf(args[0]), Double.parseDouble(args[1]));
            System.out.printf("5.3 vmcall %.0f, 4.18 doorbell %.0f%n", micro(c, KernelGeneration.LINUX_5_3, 2, Microbenchmark.VMCALL),
                    micro(c, KernelGeneration.LINUX_4_18, 2, Microbenchmark.DEVICE_NOTIFY));
            return;
        }
        double[] x = new double[P.length];
        for (int i = 0; i < P.length; i++) {
            x[i] = Math.max(lo[i], Math.min(hi[i], Calibration.DEFAULT.get(P[i])));
        }
        double best = loss(x);
        for (int round = 0; round < 60; round++) {
            for (int i = 0; i < P.length; i++) {
                double step = (hi[i] - lo[i]) / Math.pow(1.6, round / 4.0 + 1);
                for (double dir : new double[] {-1, 1}) {
                    double[] y = x.clone();
                    y[i] = Math.max(lo[i], Math.min(hi[i], x[i] + dir * step));
                    double l = loss(y);
                    if (l < best) {
                        best = l;
                        x = y;
                    }
                }
            }
        }
        Calibration c = cal(x);
        for (int i = 0; i < P.length; i++) {
            System.out.printf("%-24s %8.0f  [%5.0f, %5.0f]%n", P[i], x[i], lo[i], hi[i]);
        }
        System.out.printf("loss %.4f%n", best);
        for (KernelGeneration k : KernelGeneration.values()) {
            System.out.printf("%-11s L2 vmcall %6.0f cpuid %6.0f notify %6.0f timer %6.0f ipi %6.0f qemu %6.0f | L3 vmcall %7.0f notify %7.0f%n",
                    k.apiName(), micro(c, k, 2, Microbenchmark.VMCALL), micro(c, k, 2, Microbenchmark.CPUID),
                    micro(c, k, 2, Microbenchmark.DEVICE_NOTIFY), micro(c, k, 2, Microbenchmark.PROGRAM_TIMER),
                    micro(c, k, 2, Microbenchmark.SEND_IPI), micro(c, k, 2, Microbenchmark.INL_FROM_QEMU),
                    micro(c, k, 3, Microbenchmark.VMCALL), micro(c, k, 3, Microbenchmark.DEVICE_NOTIFY));
        }
    }
}
