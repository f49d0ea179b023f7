package dev.nestsim.calibrations;

import java.util.List;
import java.util.Map;

/**
 * A calibration to fit, as the request gave it (bean validation has checked sizes and ranges; the service checks the
 * outputs, the kernel, the native figures and the held-out tests).
 *
 * @param name           unique name
 * @param clockGhz       the machine's base clock, at which the output's cycles were counted
 * @param kernel         the kernel generation's API name, at every hypervisor level
 * @param l1Output       vmexit.flat's output in an L1 VM
 * @param l2Output       the same in an L2 VM, or {@code null}
 * @param nativeFigures  cycles of vmexit tests on bare metal by name, or empty
 * @param holdOut        tests left out of the fit and reported as predictions
 */
public record CalibrationSpec(String name, double clockGhz, String kernel, String l1Output, String l2Output,
                              Map<String, Double> nativeFigures, List<String> holdOut) {

    public CalibrationSpec {
        // copies that keep a null value or element: the service refuses it with its field (native.cpuid, holdOut[1])
        nativeFigures = nativeFigures == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nativeFigures));
        holdOut = holdOut == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(holdOut));
    }
}
