package dev.nestsim.calibrations;

import java.util.List;
import java.util.UUID;

/**
 * What uses a calibration, for the 409 of a delete: implemented where the users live (hosts, in provisioning), so that
 * this feature needs to know nothing of them.
 */
public interface CalibrationUsage {

    /** The names of what uses the calibration, at most {@code limit} of them; empty when nothing does. */
    List<String> usersOf(UUID calibrationId, int limit);
}
