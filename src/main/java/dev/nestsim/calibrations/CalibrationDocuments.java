package dev.nestsim.calibrations;

import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON documents a calibration's row keeps as text, with a mapper of our own (the stored form changes only with the records). */
final class CalibrationDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private CalibrationDocuments() {
    }

    static String options(CalibrationSpec spec) {
        return JSON.writeValueAsString(new CalibrationOptions(new TreeMap<>(spec.nativeFigures()), spec.holdOut()));
    }

    static CalibrationOptions options(String json) {
        return read(json, CalibrationOptions.class, "options");
    }

    static String report(CalibrationReport report) {
        return JSON.writeValueAsString(report);
    }

    static CalibrationReport report(String json) {
        return read(json, CalibrationReport.class, "fit");
    }

    private static <T> T read(String json, Class<T> type, String what) {
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException e) {
            throw new IllegalStateException("the stored calibration " + what + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
