package dev.nestsim.provisioning;

import dev.nestsim.api.FieldProblem;
import dev.nestsim.api.Problems.RuleViolationException;
import dev.nestsim.calibrations.CalibrationService;
import dev.nestsim.calibrations.CalibrationUsage;
import dev.nestsim.model.exits.Calibration;
import java.util.List;
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

    private final HostRepository hosts;
    private final CalibrationService calibrations;

    HostCalibrations(HostRepository hosts, CalibrationService calibrations) {
        this.hosts = hosts;
        this.calibrations = calibrations;
    }

    /** The id of the calibration {@code reference} names (an id or a name); {@code null} for none; 422 when it names none. */
    UUID resolve(String reference) {
        if (reference == null) {
            return null;
        }
        return calibrations.resolve(reference).map(s -> s.entity().getId()).orElseThrow(() -> new RuleViolationException(
                "1 problem (known-calibration): see errors", List.of(FieldProblem.of("calibration", "known-calibration",
                        "no calibration has the id or name '" + reference + "': create it with POST /api/v1/calibrations first"))));
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
