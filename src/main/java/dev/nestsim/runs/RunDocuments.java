package dev.nestsim.runs;

import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON documents a run's row keeps as text: its path snapshot and its parameters. One mapper of our own,
 * independent of the API's settings, so the stored form only changes when these records do.
 */
final class RunDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final TypeReference<TreeMap<String, Double>> PARAMETERS = new TypeReference<>() {
    };

    private RunDocuments() {
    }

    static String snapshot(PathSnapshot snapshot) {
        return JSON.writeValueAsString(snapshot);
    }

    /** @throws IllegalStateException when the stored text is not a snapshot this version reads */
    static PathSnapshot snapshot(String json) {
        try {
            return JSON.readValue(json, PathSnapshot.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("the stored run configuration cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    static String parameters(Map<String, Double> parameters) {
        return JSON.writeValueAsString(new TreeMap<>(parameters));
    }

    static Map<String, Double> parameters(String json) {
        try {
            return JSON.readValue(json, PARAMETERS);
        } catch (JacksonException e) {
            throw new IllegalStateException("the stored run parameters cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
