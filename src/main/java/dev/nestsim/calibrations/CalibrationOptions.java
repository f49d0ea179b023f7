package dev.nestsim.calibrations;

import java.util.List;
import java.util.Map;

/**
 * A calibration's options as given.
 *
 * @param nativeFigures cycles of vmexit tests on bare metal, by test name
 * @param holdOut       the tests left out of the fit
 */
public record CalibrationOptions(Map<String, Double> nativeFigures, List<String> holdOut) {

    public CalibrationOptions {
        nativeFigures = nativeFigures == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(nativeFigures));
        holdOut = holdOut == null ? List.of() : List.copyOf(holdOut);
    }
}
