package dev.nestsim.model.workload;

import dev.nestsim.model.workload.machine.StackParam;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * docs/workloads.md stays true: the table of the stack's costs (between {@code <!-- generated:stack-params -->} and
 * {@code <!-- /generated:stack-params -->}) must equal {@link StackParam}, and every estimate must lie in its range. Run
 * with {@code -Ddocs.update=true} to rewrite the table.
 */
class WorkloadDocsTest {

    private static final java.nio.file.Path DOC = java.nio.file.Path.of("docs/workloads.md");

    @Test
    void everyStackCostLiesInsideItsPlausibleRange() {
        for (StackParam p : StackParam.values()) {
            assertThat(p.low()).as(p.name()).isLessThanOrEqualTo(p.value());
            assertThat(p.high()).as(p.name()).isGreaterThanOrEqualTo(p.value());
        }
    }

    @Test
    void theStackCostsTableIsCurrent() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String begin = "<!-- generated:stack-params -->\n";
        String end = "<!-- /generated:stack-params -->";
        int from = doc.indexOf(begin);
        int to = doc.indexOf(end);
        assertThat(from).as("docs/workloads.md has no generated stack-params section").isNotNegative();
        String updated = doc.substring(0, from + begin.length()) + table() + doc.substring(to);
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(DOC, updated, StandardCharsets.UTF_8);
        }
        assertThat(updated).as("docs/workloads.md is stale: run ./mvnw test -Dtest=WorkloadDocsTest -Ddocs.update=true").isEqualTo(doc);
    }

    static String table() {
        StringBuilder md = new StringBuilder("| parameter | value | plausible range | meaning | source |\n| --- | --- | --- | --- | --- |\n");
        for (StackParam p : StackParam.values()) {
            String range = p.low() == p.high() ? "exact" : number(p.low()) + " to " + number(p.high());
            md.append("| `").append(p.name()).append("` | ").append(number(p.value())).append(' ').append(p.unit()).append(" | ")
                    .append(range).append(" | ").append(p.meaning().replace("|", "\\|")).append(" | ")
                    .append(p.source().replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
