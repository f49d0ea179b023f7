package dev.nestsim.model.workload;

import dev.nestsim.model.workload.apps.ConversationModel;
import dev.nestsim.model.workload.apps.ConversationProfile;
import dev.nestsim.model.workload.apps.HackbenchModel;
import dev.nestsim.model.workload.apps.ModelParameters;
import dev.nestsim.model.workload.apps.Profiles;
import dev.nestsim.model.workload.apps.StreamModel;
import dev.nestsim.model.workload.apps.WorkloadModel;
import dev.nestsim.model.workload.machine.Sim;
import dev.nestsim.model.exits.CascadeEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The application workloads of the DVH paper's evaluation (docs/workloads.md), each a discrete-event simulation
 * ({@link SimulatedWorkload}): the descriptors users see, with every parameter's default (the paper's) and bounds.
 *
 * <p>Every workload measures {@code durationSeconds} of simulated steady state per replication after
 * {@code warmupSeconds} of warm-up. The paper's runs last 10 s; the simulated rates do not depend on the window's
 * length, only their confidence intervals do, so the defaults measure a shorter sample per replication to keep
 * the paper's whole evaluation within a minute; the bounds stop at the paper's 10 s.
 */
final class ApplicationWorkloads {

    static final int MAX_REPLICATIONS = 30;
    static final double MAX_SECONDS = 10;

    private ApplicationWorkloads() {
    }

    /** Every application workload, in the paper's order. */
    static List<WorkloadRunner> all(CascadeEngine engine) {
        return List.of(tcpRr(engine), tcpStream(engine, false), tcpStream(engine, true), apache(engine),
                memcached(engine), mysql(engine), hackbench(engine));
    }

    private static WorkloadRunner tcpRr(CascadeEngine engine) {
        return new SimulatedWorkload(descriptor("netperf-tcp-rr",
                "netperf -t TCP_RR: 1-byte request and response, one transaction in flight (10 s in the paper)",
                "throughput", "transactions/s", true, 0.5, 0.05,
                param("requestBytes", "bytes", "request size (netperf -r)", 1, 1, 65_536),
                param("responseBytes", "bytes", "response size (netperf -r)", 1, 1, 65_536), hypervisorIrqVcpu()), engine,
                conversation(p -> Profiles.tcpRr(i(p, "requestBytes"), i(p, "responseBytes"))));
    }

    private static WorkloadRunner tcpStream(CascadeEngine engine, boolean serverSends) {
        String name = serverSends ? "netperf-tcp-maerts" : "netperf-tcp-stream";
        String description = serverSends
                ? "netperf -T 2,2 -t TCP_MAERTS: the server sends bulk data to the client at line rate (10 s in the paper)"
                : "netperf -T ,2 -t TCP_STREAM: the client sends bulk data to the server at line rate (10 s in the paper)";
        return new SimulatedWorkload(descriptor(name, description, "throughput", "Mbit/s", true, 0.25, 0.025,
                param("sendBytes", "bytes", "netperf's send size (default: the socket buffer's, 16 KiB)", 16_384, 1_024, 65_536),
                hypervisorIrqVcpu()),
                engine, new StreamModel(serverSends));
    }

    private static WorkloadRunner apache(CascadeEngine engine) {
        return new SimulatedWorkload(descriptor("apache",
                "ab -c 10 on Apache 2.4 serving the GCC manual's index.html (46,644 B), a new connection per request",
                "throughput", "requests/s", true, 0.25, 0.05,
                param("concurrency", "connections", "concurrent requests (ab -c)", 10, 1, 100),
                param("pageBytes", "bytes", "size of the static page", Profiles.APACHE_PAGE_BYTES, 100, 1_000_000),
                hypervisorIrqVcpu()), engine,
                conversation(p -> Profiles.apache(i(p, "concurrency"), i(p, "pageBytes"))));
    }

    private static WorkloadRunner memcached(CascadeEngine engine) {
        return new SimulatedWorkload(descriptor("memcached",
                "memtier_benchmark -P memcache_binary: 4 threads x 50 clients, 1:10 set:get, 32-byte values (10 s in the paper)",
                "throughput", "operations/s", true, 0.1, 0.02,
                param("clientThreads", "threads", "memtier threads", 4, 1, 16),
                param("clientsPerThread", "connections", "memtier clients per thread", 50, 1, 100),
                param("serverThreads", "threads", "memcached worker threads (-t)", 4, 1, 16),
                param("getsPerSet", "gets", "GETs per SET (memtier --ratio 1:N)", 10, 0, 100), hypervisorIrqVcpu()), engine,
                conversation(p -> Profiles.memcached(i(p, "clientThreads"), i(p, "clientsPerThread"),
                        i(p, "serverThreads"), i(p, "getsPerSet"))));
    }

    /** MySQL is measured by transactions: its 200 concurrent transactions make a fixed time window catch a transient. */
    private static WorkloadRunner mysql(CascadeEngine engine) {
        return new SimulatedWorkload(new WorkloadDescriptor("mysql", WorkloadKind.APPLICATION,
                "sysbench --test=oltp --oltp-table-size=1000000 --num-threads=200 against MySQL 5.7: time for 10,000 transactions",
                "completionTime", "s", false, List.of(
                        param("threads", "threads", "sysbench threads (one connection and one server thread each)", 200, 1, 512),
                        param("transactions", "transactions", "transactions in the run (sysbench --max-requests)", 10_000, 100, 10_000_000),
                        param("warmupTransactions", "transactions",
                                "transactions completed before measuring (the 200 threads start together)", 400, 0, 10_000),
                        param("measuredTransactions", "transactions",
                                "transactions measured per replication; the completion time is the run's transactions at that rate",
                                1_000, 100, 10_000),
                        hypervisorIrqVcpu()), MAX_REPLICATIONS),
                engine, new ConversationModel(p -> Profiles.mysql(i(p, "threads")), "transactions"));
    }

    private static WorkloadRunner hackbench(CascadeEngine engine) {
        return new SimulatedWorkload(descriptor("hackbench",
                "hackbench 100 process 500 inside the leaf: 4,000 tasks exchanging 20 M messages over AF_UNIX sockets",
                "completionTime", "s", false, 0.1, 0.01,
                param("groups", "groups", "groups of 20 senders and 20 receivers", 100, 1, 200),
                param("loops", "loops", "messages each sender sends to each receiver", 500, 1, 100_000)),
                engine, new HackbenchModel());
    }

    private static int i(Map<String, Double> parameters, String name) {
        return ModelParameters.integer(parameters, name);
    }

    private static WorkloadModel conversation(java.util.function.Function<Map<String, Double>, ConversationProfile> profile) {
        return new ConversationModel(profile, null);
    }

    static final String HYPERVISOR_IRQ_VCPU = ModelParameters.HYPERVISOR_IRQ_VCPU;
    /** The paper's leaf has 4 vCPUs: its last one, as its CPU 0 takes the leaf's own interrupts. */
    static final int DEFAULT_HYPERVISOR_IRQ_VCPU = 3;

    /**
     * Where each guest hypervisor takes its device's interrupts (every workload with network I/O): the guest
     * hypervisor's kernel, or irqbalance, puts its single-queue NIC's vector (or the assigned device's) on one of its
     * vCPUs, most of which run the nested VM's vCPUs (the single queue pair of the DVH artifact's virtio-net); nothing in the DVH artifact pins it.
     */
    private static WorkloadParameter hypervisorIrqVcpu() {
        return param(HYPERVISOR_IRQ_VCPU, "vCPU",
                "where each guest hypervisor takes its NIC's (or relays an assigned device's) interrupts: on the vCPU that "
                        + "runs the leaf's vCPU of this number (modulo the leaf's vCPUs), whose guest then exits to it at each "
                        + "interrupt; or -1 for a spare vCPU of its own that runs no guest vCPU. No effect on one level or natively",
                DEFAULT_HYPERVISOR_IRQ_VCPU, Sim.SPARE_VCPU, 63);
    }

    /** A whole-number parameter: every workload-specific parameter is a count, a size in bytes or a vCPU's number. */
    private static WorkloadParameter param(String name, String unit, String description, long defaultValue, long min, long max) {
        return WorkloadParameter.whole(name, unit, description, defaultValue, min, max);
    }

    private static WorkloadDescriptor descriptor(String name, String description, String primary, String unit, boolean higherIsBetter,
                                                 double durationSeconds, double warmupSeconds, WorkloadParameter... specific) {
        List<WorkloadParameter> parameters = new ArrayList<>();
        parameters.add(WorkloadParameter.real("durationSeconds", "s",
                "simulated seconds measured per replication after warm-up (the paper ran 10 s; rates are steady-state)",
                durationSeconds, 0.01, MAX_SECONDS));
        parameters.add(WorkloadParameter.real("warmupSeconds", "s", "simulated seconds discarded before measuring", warmupSeconds, 0, 1));
        parameters.addAll(List.of(specific));
        return new WorkloadDescriptor(name, WorkloadKind.APPLICATION, description, primary, unit, higherIsBetter,
                parameters, MAX_REPLICATIONS);
    }
}
