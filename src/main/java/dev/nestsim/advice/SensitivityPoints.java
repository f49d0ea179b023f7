package dev.nestsim.advice;

import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The simulated points of each analysis, one row each, written as they are computed and never changed. */
@Component
class SensitivityPoints {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Double>> DOUBLES = new TypeReference<>() { };

    private final JdbcTemplate jdbc;

    SensitivityPoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every stored point of the analysis by index. */
    TreeMap<Integer, SensitivityAnalysis.Point> of(UUID analysisId) {
        TreeMap<Integer, SensitivityAnalysis.Point> out = new TreeMap<>();
        jdbc.query("SELECT point, normalized, half_width, primary_values FROM sensitivity_points WHERE analysis_id = ? ORDER BY point",
                rs -> {
                    out.put(rs.getInt(1), new SensitivityAnalysis.Point(rs.getDouble(2), rs.getDouble(3), JSON.readValue(rs.getString(4), DOUBLES)));
                }, analysisId);
        return out;
    }

    /** Stores point {@code index}; a point stored already (a second job computing the same analysis) is kept as it was. */
    void store(UUID analysisId, int index, SensitivityAnalysis.Point point) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM sensitivity_points WHERE analysis_id = ? AND point = ?", Integer.class,
                analysisId, index);
        if (known != null && known > 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO sensitivity_points (analysis_id, point, normalized, half_width, primary_values) VALUES (?, ?, ?, ?, ?)",
                    analysisId, index, point.normalized(), point.halfWidth(), JSON.writeValueAsString(point.primaryValues()));
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // another job stored the same point first: the same figure, since a point is a function of the input
        }
    }
}
