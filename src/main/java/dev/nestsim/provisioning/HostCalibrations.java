package dev.nestsim.provisioning;

import dev.nestsim.api.FieldProblem;
import dev.nestsim.api.Problems.RuleViolationException;
import dev.nestsim.calibrations.CalibrationService;
import dev.nestsim.calibrations.CalibrationUsage;
import dev.nestsim.model.exits.Calibration;
import dev.nestsim.model.hardware.KernelGeneration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calibration each host computes with (issue 16): a stored calibration it names, or the model's reference
 * parameters. Hosts are what a calibration's delete must not leave dangling, so this is also its {@link CalibrationUsage}.
 */
@Service
@Transactional(readOnly = true)
public class HostCalibrations implements CalibrationUsage {

    /** The calibration of a host: {@code id} and {@code name} are {@code null} for the reference. */
    public record OfHost(UUID id, String name, Calibration calibration) {

        public static final OfHost REFERENCE = new OfHost(null, null, Calibration.DEFAULT);
    }

    /** A calibration a host names, as its response shows it: id, name and the kernel it was fitted on. */
    public record Label(UUID id, String name, KernelGeneration kernel) {
    }

    private final HostRepository hosts;
    private final CalibrationService calibrations;

    HostCalibrations(HostRepository hosts, CalibrationService calibrations) {
        this.hosts = hosts;
        this.calibrations = calibrations;
    }

    /** The calibration {@code reference} names (an id or a name); {@code null} for none; 422 when it names none. */
    Label resolve(String reference) {
        if (reference == null) {
            return null;
        }
        return calibrations.resolve(reference).map(s -> new Label(s.entity().getId(), s.entity().getName(), s.kernel()))
                .orElseThrow(() -> new RuleViolationException("1 problem (known-calibration): see errors", List.of(FieldProblem.of("calibration",
                        "known-calibration", "no calibration has the id or name '" + reference + "': create it with POST /api/v1/calibrations first"))));
    }

    /**
     * 422 (rule {@code calibration-kernel}) when {@code chosen} was fitted on another kernel than the one L0 runs: its prices
     * belong to the mechanisms of its kernel's KVM, so a host on another generation needs a calibration of its own.
     */
    static void requireKernel(Label chosen, KernelGeneration l0Kernel) {
        if (chosen != null && chosen.kernel() != l0Kernel) {
            throw new RuleViolationException("1 problem (calibration-kernel): see errors", List.of(FieldProblem.of("calibration",
                    "calibration-kernel", "calibration '" + chosen.name() + "' was fitted on " + chosen.kernel().apiName() + " but the host's L0 runs "
                            + l0Kernel.apiName() + ": a calibration's prices belong to its kernel's mechanisms; give the host kernel "
                            + chosen.kernel().apiName() + ", or fit a calibration on " + l0Kernel.apiName())));
        }
    }

    /** The labels of the calibrations of these ids (hosts name only their own tenant's); a missing one is left out. */
    public Map<UUID, Label> labels(Collection<UUID> ids) {
        return calibrations.labels(ids).entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> new Label(e.getKey(), e.getValue().name(), e.getValue().kernel())));
    }

    /** What the host computes with. */
    public OfHost of(UUID hostId) {
        UUID id = hosts.findById(hostId).map(HostEntity::getCalibrationId).orElse(null);
        if (id == null) {
            return OfHost.REFERENCE;
        }
        Optional<CalibrationService.Stored> stored = calibrations.byId(id);
        return stored.map(s -> new OfHost(id, s.entity().getName(), s.calibration())).orElse(OfHost.REFERENCE);
    }

    @Override
    public List<String> usersOf(UUID calibrationId, int limit) {
        return hosts.namesOnCalibration(calibrationId, PageRequest.of(0, limit)).stream().map(name -> "host '" + name + "'").toList();
    }
}
