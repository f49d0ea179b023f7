package dev.nestsim.costs.web;

import dev.nestsim.model.exits.ExitProfile;
import dev.nestsim.model.exits.ExitReason;
import dev.nestsim.model.topology.Path;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/** The exit profile of one operation, per level, as {@code perf kvm stat} would show it there. */
@Schema(name = "ExitProfile", description = "Per level, the exits that level saw by exit reason (handled there, or reflected on their "
        + "way to a guest hypervisor) and the cycles its software spent on them, per operation, as perf kvm stat shows them at that level")
public record ExitProfileResponse(
        @ArraySchema(schema = @Schema(implementation = LevelProfile.class), arraySchema = @Schema(description = "Index k: level k"),
                maxItems = Path.HARD_MAX_DEPTH + 1)
        List<LevelProfile> levels) {

    /** One level's rows. */
    @Schema(name = "ExitProfileLevel")
    public record LevelProfile(
            @Schema(description = "The level (0: L0)", example = "0") int level,
            @Schema(description = "Its exit reasons, in the order of the ExitReason enum; only those it saw") List<Row> reasons) {
    }

    /** One exit reason at one level. */
    @Schema(name = "ExitProfileRow")
    public record Row(
            @Schema(description = "The VMX exit reason, as perf kvm stat names it", example = "EPT_VIOLATION") ExitReason reason,
            @Schema(description = "Exits of this reason the level saw, per operation", example = "1") double exits,
            @Schema(description = "Cycles the level's software spent on them, per operation", example = "9841") long cycles) {
    }

    static ExitProfileResponse of(ExitProfile profile) {
        List<LevelProfile> levels = new ArrayList<>();
        for (int k = 0; k < profile.levels().size(); k++) {
            List<Row> rows = new ArrayList<>();
            for (ExitProfile.Row row : profile.at(k)) {
                rows.add(new Row(row.reason(), Math.round(row.exits() * 1000) / 1000.0, Math.round(row.cycles())));
            }
            levels.add(new LevelProfile(k, rows));
        }
        return new ExitProfileResponse(levels);
    }
}
