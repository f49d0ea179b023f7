package dev.nestsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code, the docs, the README and the OpenAPI description stay self-contained: they cite public sources (papers,
 * kernel source and commits, mailing-list posts) directly, never notes that live outside the repository. The
 * forbidden names are built by concatenation so that this file does not match itself.
 */
class SelfContainedDocsTest {

    private static final List<String> FORBIDDEN = List.of(
            "../" + "shared", "research" + "/", "io " + "§", "io " + "section", "kvm-exit" + "-paths", "io" + "-paths",
            "nested-4.18" + ".md", "CALIBRATION" + ".md", "MODEL" + ".md", "STYLE" + ".md", "ARCHITECTURE" + ".md");

    @Test
    void noFileCitesNotesOutsideTheRepository() throws IOException {
        List<String> hits = new ArrayList<>();
        for (Path file : files()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                for (String name : FORBIDDEN) {
                    if (lines[i].contains(name)) {
                        hits.add(file + ":" + (i + 1) + ": " + name);
                    }
                }
            }
        }
        assertThat(hits).as("references to files outside the repository").isEmpty();
    }

    @Test
    void theScanCoversTheCodeTheDocsAndTheSpecification() throws IOException {
        List<Path> files = files();
        assertThat(files).contains(Path.of("README.md"), Path.of("docs", "model.md"), Path.of("docs", "workloads.md"),
                Path.of("openapi", "openapi.yaml"),
                Path.of("src", "main", "java", "dev", "nestsim", "model", "exits", "Param.java"),
                Path.of("src", "main", "java", "dev", "nestsim", "model", "workload", "machine", "StackParam.java"));
    }

    @Test
    void aForbiddenReferenceIsFound() {
        assertThat(FORBIDDEN.stream().anyMatch((" (see the notes in ../" + "shared/notes.md)")::contains)).isTrue();
        assertThat(FORBIDDEN.stream().anyMatch(("io " + "§2.8 [est]")::contains)).isTrue();
        assertThat(FORBIDDEN.stream().anyMatch("Linux 4.18 vmx.c nested_vmx_vmexit"::contains)).isFalse();
    }

    private static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        for (String root : List.of("src", "docs", "openapi")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(Files::isRegularFile).filter(SelfContainedDocsTest::isText).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".md") || name.endsWith(".yaml") || name.endsWith(".yml")
                || name.endsWith(".sql") || name.endsWith(".properties") || name.endsWith(".json") || name.endsWith(".html")
                || name.endsWith(".txt") || name.endsWith(".xml");
    }
}
