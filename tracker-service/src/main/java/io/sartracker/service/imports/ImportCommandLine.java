package io.sartracker.service.imports;

import io.sartracker.service.TrackerApplication;
import io.sartracker.service.security.Recorder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar tracker-service.jar import FILE [--dry-run] [--tracker.data-dir=...]}: imports a file of
 * past history into the service's database without opening the web port, prints its progress and every
 * refused line, and exits 0 when the file was recorded, is valid (dry run) or was recorded before; 1 when
 * lines were refused; 2 when the file could not be read or the import failed. Other {@code --name=value}
 * arguments are the service's settings, as when it serves.
 */
public final class ImportCommandLine {
    public static final String COMMAND = "import";
    static final int DONE = 0;
    static final int REFUSED = 1;
    static final int FAILED = 2;

    private ImportCommandLine() {
    }

    /** Runs the import and answers the exit status. */
    public static int run(String[] arguments, PrintStream out) {
        Path file = null;
        boolean dryRun = false;
        List<String> settings = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals("--dry-run")) {
                dryRun = true;
            } else if (argument.startsWith("--")) {
                settings.add(argument);
            } else if (file == null) {
                file = Path.of(argument);
            } else {
                out.println("One file at a time: " + argument + " is a second file.");
                return FAILED;
            }
        }
        if (file == null) {
            out.println("Usage: java -jar tracker-service.jar import FILE [--dry-run] [--tracker.data-dir=FOLDER]");
            return FAILED;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            out.println("Cannot read " + file + ": " + e.getMessage());
            return FAILED;
        }
        SpringApplication application = new SpringApplication(TrackerApplication.class);
        // The web context is built (the security configuration needs it) but no port is opened (-1), whatever
        // the environment or the configuration files say; this JVM runs the import only
        System.setProperty("server.port", "-1");
        ConfigurableApplicationContext context = application.run(settings.toArray(String[]::new));
        int status;
        try {
            HistoryImports imports = context.getBean(HistoryImports.class);
            Recorder recorder = new Recorder(System.getProperty("user.name", "command-line"), "command-line");
            ImportStatus outcome = imports.run(file.getFileName().toString(), bytes, dryRun, recorder,
                    progress -> out.println(progressLine(progress)));
            report(outcome, out);
            status = exitStatus(outcome.state());
        } catch (RuntimeException e) {
            out.println("The import failed: " + e.getMessage());
            status = FAILED;
        }
        int exitStatus = status;
        // Axon's janitor thread is not a daemon: the JVM ends only when told to
        return SpringApplication.exit(context, () -> exitStatus);
    }

    static int exitStatus(ImportStatus.State state) {
        return switch (state) {
            case RECORDED, VALID, ALREADY_IMPORTED -> DONE;
            case REJECTED -> REFUSED;
            case RUNNING, FAILED, INTERRUPTED -> FAILED;
        };
    }

    static String progressLine(ImportStatus progress) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%d of %d lines", progress.linesDone(),
                progress.linesTotal()));
        if (progress.factsPerSecond() != null) {
            line.append(String.format(Locale.ROOT, ", %.0f facts a second", progress.factsPerSecond()));
        }
        if (progress.secondsLeft() != null) {
            line.append(String.format(Locale.ROOT, ", %d s left", progress.secondsLeft()));
        }
        return line.toString();
    }

    private static void report(ImportStatus outcome, PrintStream out) {
        for (ImportStatus.LineError error : outcome.errors()) {
            out.println("line " + error.line() + ": " + error.code() + " " + error.detail());
        }
        if (outcome.errorCount() > outcome.errors().size()) {
            out.println("... and " + (outcome.errorCount() - outcome.errors().size()) + " more refused lines");
        }
        out.println(switch (outcome.state()) {
            case RECORDED -> "RECORDED: " + outcome.factsRecorded() + " facts (" + outcome.eventsRecorded()
                    + " events) from " + outcome.linesTotal() + " lines, import " + outcome.importId();
            case VALID -> "VALID: every one of the " + outcome.linesTotal() + " lines would be recorded; nothing was"
                    + " (dry run)";
            case REJECTED -> "REJECTED: " + outcome.errorCount() + " of " + outcome.linesTotal() + " lines refused;"
                    + " nothing was recorded";
            case ALREADY_IMPORTED -> "ALREADY_IMPORTED: import " + outcome.earlierImportId() + " recorded this file;"
                    + " nothing was recorded again";
            default -> outcome.state() + ": nothing was recorded (see the service log)";
        });
    }
}
