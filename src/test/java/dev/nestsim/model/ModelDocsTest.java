package dev.nestsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/model.md stays true: its generated sections (between {@code <!-- generated:NAME -->} and
 * {@code <!-- /generated:NAME -->}) must equal what the model computes now. Run with
 * {@code -Ddocs.update=true} to rewrite them.
 */
class ModelDocsTest {

    private static final java.nio.file.Path DOC = java.nio.file.Path.of("docs/model.md");

    @Test
    void generatedSectionsOfTheModelDocumentAreCurrent() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String updated = doc;
        for (Map.Entry<String, String> section : ModelDocs.sections().entrySet()) {
            updated = replace(updated, section.getKey(), section.getValue());
        }
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(DOC, updated, StandardCharsets.UTF_8);
        }
        assertThat(updated).as("docs/model.md is stale: run ./mvnw test -Dtest=ModelDocsTest -Ddocs.update=true").isEqualTo(doc);
    }

    private static String replace(String doc, String name, String content) {
        String begin = "<!-- generated:" + name + " -->\n";
        String end = "<!-- /generated:" + name + " -->";
        int from = doc.indexOf(begin);
        int to = doc.indexOf(end);
        assertThat(from).as("docs/model.md has no section " + name).isNotNegative();
        assertThat(to).isGreaterThan(from);
        return doc.substring(0, from + begin.length()) + content + doc.substring(to);
    }
}
