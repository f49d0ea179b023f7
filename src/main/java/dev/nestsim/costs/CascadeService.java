package dev.nestsim.costs;

import dev.nestsim.api.Echo;
import dev.nestsim.api.FieldProblem;
import dev.nestsim.api.Problems.InvalidRequestException;
import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.exits.EventCost;
import dev.nestsim.model.exits.ExitCostTable;
import dev.nestsim.model.exits.GuestEvent;
import dev.nestsim.model.exits.Microbenchmark;
import dev.nestsim.model.exits.MicrobenchmarkResult;
import dev.nestsim.model.exits.Microbenchmarks;
import dev.nestsim.model.exits.TraceNode;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.LeafVm;
import dev.nestsim.model.topology.Path;
import dev.nestsim.provisioning.HostCalibrations;
import dev.nestsim.provisioning.LocatedPath;
import dev.nestsim.provisioning.TopologyService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Microbenchmarks and exit costs of a VM's or a host's path, with the native and L1 comparisons. */
@Service
public class CascadeService {

    /** The largest trace a request may ask for. */
    public static final int MAX_TRACE_NODES = 20_000;

    private final TopologyService topology;
    private final HostCalibrations calibrations;

    CascadeService(TopologyService topology, HostCalibrations calibrations) {
        this.topology = topology;
        this.calibrations = calibrations;
    }

    /** A path with the engine of its host's calibration (the reference parameters unless the host names a calibration). */
    public record Located(Path path, CascadeEngine engine) {
    }

    private Located located(LocatedPath located) {
        HostCalibrations.OfHost of = calibrations.of(located.ids().get(0));
        CascadeEngine engine = of.id() == null ? CascadeEngine.reference() : new CascadeEngine(of.calibration());
        return new Located(located.path(), engine);
    }

    public Located vm(UUID vmId) {
        return located(topology.locateVm(vmId));
    }

    public Located hypervisor(UUID hypervisorId) {
        return located(topology.locateHypervisor(hypervisorId));
    }

    /** One microbenchmark on the VM's path, natively on its host, and in an L1 VM on that host. */
    public record Comparison(MicrobenchmarkResult result, MicrobenchmarkResult nativeResult, MicrobenchmarkResult l1Result) {
    }

    /** The microbenchmarks of one VM, with its path. */
    public record VmMicrobenchmarks(Path path, List<Comparison> items) {
    }

    public VmMicrobenchmarks vmMicrobenchmarks(UUID vmId, String name, boolean trace) {
        List<Microbenchmark> selected = select(name);
        Located located = vm(vmId);
        Path path = located.path();
        CascadeEngine engine = located.engine();
        Microbenchmarks microbenchmarks = new Microbenchmarks(engine);
        ExitCostTable table = engine.table(path);
        ExitCostTable nativeTable = engine.table(Path.nativeHost(path.host()));
        ExitCostTable l1Table = engine.table(l1On(path));
        List<Comparison> out = new ArrayList<>();
        for (Microbenchmark m : selected) {
            out.add(new Comparison(microbenchmarks.run(table, m, trace), microbenchmarks.run(nativeTable, m, false),
                    microbenchmarks.run(l1Table, m, false)));
        }
        return new VmMicrobenchmarks(path, out);
    }


    /** The microbenchmarks natively on one host, with its path. */
    public record HostMicrobenchmarks(Path path, List<MicrobenchmarkResult> items) {
    }

    public HostMicrobenchmarks hostMicrobenchmarks(UUID hostId, String name, boolean trace) {
        List<Microbenchmark> selected = select(name);
        Located located = located(topology.locateHost(hostId));
        Path path = located.path();
        CascadeEngine engine = located.engine();
        Microbenchmarks microbenchmarks = new Microbenchmarks(engine);
        ExitCostTable table = engine.table(path);
        List<MicrobenchmarkResult> out = new ArrayList<>();
        for (Microbenchmark m : selected) {
            out.add(microbenchmarks.run(table, m, trace));
        }
        return new HostMicrobenchmarks(path, out);
    }

    /** An event's cost and, when asked, its trace. */
    public record Costed(EventCost cost, TraceNode trace) {
    }

    /** The cost of every event (or one) raised at {@code level} of the path of a VM or a guest hypervisor. */
    public List<Costed> exitCosts(Located located, Integer level, String event, boolean trace, int traceNodes) {
        Path path = located.path();
        CascadeEngine engine = located.engine();
        int at = level == null ? path.level() : level;
        if (at < 1 || at > path.level()) {
            throw new InvalidRequestException("level must be between 1 and " + path.level() + " on this path, was " + at,
                    List.of(new FieldProblem("level", null, "level-range", "level must be between 1 and " + path.level() + ", was " + at)));
        }
        if (traceNodes < 1 || traceNodes > MAX_TRACE_NODES) {
            throw new InvalidRequestException("traceNodes must be between 1 and " + MAX_TRACE_NODES + ", was " + traceNodes,
                    List.of(new FieldProblem("traceNodes", null, "trace-nodes-range", "traceNodes must be between 1 and " + MAX_TRACE_NODES)));
        }
        boolean hypervisorLevel = at <= path.hypervisors().size();
        List<GuestEvent> events = event == null ? eventsFor(hypervisorLevel) : List.of(parseEvent(event, hypervisorLevel));
        ExitCostTable table = engine.table(path);
        List<Costed> out = new ArrayList<>();
        for (GuestEvent e : events) {
            out.add(new Costed(table.cost(at, e), trace ? engine.trace(table, at, e, traceNodes) : null));
        }
        return out;
    }

    /** Events a leaf raises; a guest hypervisor raises the VMX operations too. */
    static List<GuestEvent> eventsFor(boolean hypervisorLevel) {
        return Arrays.stream(GuestEvent.values())
                .filter(e -> !e.reflection() && (e.guestVisible() || hypervisorLevel))
                .collect(Collectors.toList());
    }

    private static GuestEvent parseEvent(String name, boolean hypervisorLevel) {
        List<GuestEvent> allowed = eventsFor(hypervisorLevel);
        for (GuestEvent e : allowed) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        String known = allowed.stream().map(Enum::name).collect(Collectors.joining(", "));
        throw new InvalidRequestException("unknown event " + Echo.quoted(name),
                List.of(new FieldProblem("event", null, "known-event", "event must be one of " + known + ", was " + Echo.quoted(name))));
    }

    private static List<Microbenchmark> select(String name) {
        if (name == null) {
            return List.of(Microbenchmark.values());
        }
        return List.of(Microbenchmark.byName(name).orElseThrow(() -> {
            String known = Arrays.stream(Microbenchmark.values()).map(Microbenchmark::apiName).collect(Collectors.joining(", "));
            return new InvalidRequestException("unknown microbenchmark " + Echo.quoted(name),
                    List.of(new FieldProblem("name", null, "known-microbenchmark", "name must be one of " + known + ", was " + Echo.quoted(name))));
        }));
    }

    /** An L1 VM on the same host, like the leaf (a virtual-passthrough device is plain virtio at L1). */
    static Path l1On(Path path) {
        LeafVm leaf = path.leaf();
        IoModel io = leaf.io() == IoModel.VIRTUAL_PASSTHROUGH ? IoModel.VIRTIO : leaf.io();
        boolean posted = path.host().hardware().features().postedInterrupts() && path.host().l0().postedInterrupts();
        return Path.toLeaf(path.host(), List.of(), new LeafVm(leaf.name() + "-at-l1", leaf.vcpus(), leaf.memoryGib(), io, Set.of(), posted));
    }
}
