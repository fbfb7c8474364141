package io.sartracker.service;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar tracker-service.jar import FILE [--dry-run]}, run as its own JVM (the main class on the
 * test's class path, as {@link ServiceProcess} starts the service): it prints the progress and the refused
 * lines, exits with a status that says the outcome, and ends although Axon leaves a non-daemon thread.
 */
class ImportCommandLineTest {
    private static final long MINUTES = 4;

    record Run(int status, String output) {
    }

    @Test
    void aGoodFileIsRecordedOnceAndABadFileExitsNonZeroNamingItsLine() throws Exception {
        Path dataDir = TrackerTestSupport.freshDataDir("import-command-line");
        Path files = TrackerTestSupport.freshDataDir("import-command-line-files");
        Path good = files.resolve("reference-history.csv");
        Files.write(good, HistoryImportHttpTest.resource("reference-history.csv"));
        Path bad = files.resolve("bad.jsonl");
        Files.writeString(bad, """
                {"factKind": "issue-series", %s}
                {"factKind": "allotment", "seriesId": "C-1", "holderId": "P1", "role": "DIRECTOR", "rights": 10, "allotmentDate": "2015-07-13"}
                {"factKind": "exercise", "seriesId": "C-1", "holderId": "P1", "exerciseDate": "2016-01-05", "rights": 1}
                """.formatted(HistoryImportHttpTest.issueFields("C-1", "CI")), StandardCharsets.UTF_8);

        Run dryRun = importFile(dataDir, good, "--dry-run");
        assertThat(dryRun.status()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("VALID: every one of the 23 lines");

        Run recorded = importFile(dataDir, good);
        assertThat(recorded.status()).as(recorded.output()).isZero();
        assertThat(recorded.output()).contains("23 of 23 lines").contains("RECORDED: 23 facts (60 events)");

        Run again = importFile(dataDir, good);
        assertThat(again.status()).as(again.output()).isZero();
        assertThat(again.output()).contains("ALREADY_IMPORTED");

        Run refused = importFile(dataDir, bad);
        assertThat(refused.status()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("line 3: HOLDER_IN_OFFICE").contains("REJECTED: 1 of 3 lines refused");

        Run missing = importFile(dataDir, files.resolve("no-such-file.csv"));
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.output()).contains("Cannot read");
    }

    private static Run importFile(Path dataDir, Path file, String... options) throws IOException, InterruptedException {
        Path output = Files.createTempFile("import-command-line", ".out");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TrackerApplication.class.getName(), "import", file.toString(), "--tracker.data-dir=" + dataDir,
                "--logging.level.root=warn"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = process.waitFor(MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("the import command ends by itself: " + Files.readString(output)).isTrue();
        return new Run(process.exitValue(), Files.readString(output));
    }
}
