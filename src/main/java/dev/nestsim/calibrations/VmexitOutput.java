package dev.nestsim.calibrations;

import dev.nestsim.model.exits.Microbenchmark;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The results in the output of kvm-unit-tests' {@code ./x86/run x86/vmexit.flat}, as it prints them: one
 * {@code name cycles} line per test ({@code printf("%s %d\n", test->name, ...)} in x86/vmexit.c since 2010), in any
 * order, between the runner's command line, the guest's boot lines ({@code enabling apic}, {@code paging enabled},
 * {@code cr0 = 80010011}, {@code pci-testdev at ...}) and the summary ({@code PASS vmexit}, {@code SUMMARY: ...}),
 * which are skipped. The print style since 2017 adds indented breakdown lines after a test
 * ({@code   ipi <name> <cycles>}, {@code   eoi <name> <cycles>}), skipped too; a test that did not run prints
 * {@code <name> (skipped)}. The 2010 style named the halting IPI test {@code ipi+halt}, read as {@code ipi_halt}.
 *
 * @param results cycles per operation of each test the model knows, by microbenchmark (the minimum when a test
 *                appears more than once, as kvm-unit-tests users report the best of several runs)
 * @param ignored names of tests the output has but the model does not know, in order of appearance (at most
 *                {@value #MAX_LISTED})
 * @param skipped names of tests the output reports as skipped (at most {@value #MAX_LISTED})
 */
public record VmexitOutput(Map<Microbenchmark, Long> results, List<String> ignored, List<String> skipped) {

    /** The largest accepted output, in characters. */
    public static final int MAX_CHARS = 65_536;

    /** Cycles above this are not a vmexit.flat figure (an operation of over 0.1 s). */
    public static final long MAX_CYCLES = 1_000_000_000L;

    /** At most this many ignored and skipped names are listed. */
    public static final int MAX_LISTED = 200;

    private static final Pattern TEST_NAME = Pattern.compile("[A-Za-z0-9_+:.\\-]+");
    private static final Pattern INTEGER = Pattern.compile("[0-9]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The kvm-unit-tests names the model knows, with the 2010 alias. */
    private static final Map<String, Microbenchmark> KNOWN = Map.of(
            "cpuid", Microbenchmark.CPUID,
            "vmcall", Microbenchmark.VMCALL,
            "inl_from_kernel", Microbenchmark.INL_FROM_KERNEL,
            "inl_from_qemu", Microbenchmark.INL_FROM_QEMU,
            "ipi", Microbenchmark.IPI,
            "ipi_halt", Microbenchmark.IPI_HALT,
            "ipi+halt", Microbenchmark.IPI_HALT,
            "self_ipi_sti_hlt", Microbenchmark.SELF_IPI_STI_HLT,
            "tscdeadline", Microbenchmark.TSCDEADLINE,
            "tscdeadline_immed", Microbenchmark.TSCDEADLINE_IMMED);

    public VmexitOutput {
        EnumMap<Microbenchmark, Long> copy = new EnumMap<>(Microbenchmark.class);
        copy.putAll(results);
        results = Collections.unmodifiableMap(copy);
        ignored = List.copyOf(ignored);
        skipped = List.copyOf(skipped);
    }

    /** A line that looks like a result but is not one. */
    public static final class BadLineException extends IllegalArgumentException {

        private final String field;
        private final int lineNumber;
        private final String line;

        BadLineException(String field, int lineNumber, String line, String rule) {
            super(field + " line " + lineNumber + " (" + quote(line) + "): " + rule);
            this.field = field;
            this.lineNumber = lineNumber;
            this.line = line;
        }

        public String field() {
            return field;
        }

        public int lineNumber() {
            return lineNumber;
        }

        public String line() {
            return line;
        }
    }

    /** The microbenchmark a kvm-unit-tests vmexit name stands for, if the model knows it. */
    public static Optional<Microbenchmark> known(String testName) {
        return Optional.ofNullable(KNOWN.get(testName));
    }

    /** The microbenchmarks a vmexit.flat output can give, in the model's order. */
    public static List<Microbenchmark> microbenchmarks() {
        return List.copyOf(java.util.EnumSet.copyOf(KNOWN.values()));
    }

    /** The names accepted for results, in a stable order. */
    public static List<String> knownNames() {
        List<String> names = new ArrayList<>(KNOWN.keySet());
        Collections.sort(names);
        return names;
    }

    /**
     * Reads {@code text} pasted from {@code field} of a request.
     *
     * @throws BadLineException naming the field, the 1-based line number and the line, when a line starts with a known
     *                          test's name but is not {@code name cycles} with cycles a whole number from 1 to
     *                          {@link #MAX_CYCLES}
     */
    public static VmexitOutput parse(String field, String text) {
        Map<Microbenchmark, Long> results = new EnumMap<>(Microbenchmark.class);
        Set<String> ignored = new LinkedHashSet<>();
        Set<String> skipped = new LinkedHashSet<>();
        String[] lines = text.split("\\r?\\n|\\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] tokens = SPACES.split(line);
            if (isBreakdown(tokens)) {
                continue;
            }
            if (tokens.length == 2 && tokens[1].equals("(skipped)")) {
                if (skipped.size() < MAX_LISTED) {
                    skipped.add(tokens[0]);
                }
                continue;
            }
            Microbenchmark known = KNOWN.get(tokens[0]);
            if (known != null) {
                long cycles = cycles(field, i + 1, lines[i], tokens);
                results.merge(known, cycles, Math::min);
            } else if (tokens.length == 2 && INTEGER.matcher(tokens[1]).matches() && TEST_NAME.matcher(tokens[0]).matches()
                    && !tokens[0].endsWith(":") && ignored.size() < MAX_LISTED) {
                ignored.add(tokens[0]);
            }
        }
        return new VmexitOutput(results, new ArrayList<>(ignored), new ArrayList<>(skipped));
    }

    /** {@code ipi <test> <cycles>} or {@code eoi <test> <cycles>}: the per-test breakdown of the 2017 print style. */
    private static boolean isBreakdown(String[] tokens) {
        return tokens.length == 3 && (tokens[0].equals("ipi") || tokens[0].equals("eoi"))
                && TEST_NAME.matcher(tokens[1]).matches() && INTEGER.matcher(tokens[2]).matches();
    }

    private static long cycles(String field, int lineNumber, String line, String[] tokens) {
        if (tokens.length != 2) {
            throw new BadLineException(field, lineNumber, line, "a result line is '<test> <cycles>', this one has "
                    + tokens.length + " fields");
        }
        if (!INTEGER.matcher(tokens[1]).matches()) {
            throw new BadLineException(field, lineNumber, line, "the cycles of " + tokens[0] + " must be a whole number, was "
                    + quote(tokens[1]));
        }
        long cycles = tokens[1].length() > 10 ? Long.MAX_VALUE : Long.parseLong(tokens[1]);
        if (cycles < 1 || cycles > MAX_CYCLES) {
            throw new BadLineException(field, lineNumber, line, "the cycles of " + tokens[0] + " must be between 1 and "
                    + MAX_CYCLES + ", was " + tokens[1]);
        }
        return cycles;
    }

    private static String quote(String s) {
        String shown = s.length() > 120 ? s.substring(0, 120) + "..." : s;
        StringBuilder out = new StringBuilder("'");
        for (char c : shown.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.append('\'').toString();
    }
}
