package io.sartracker.service.bench;

import io.sartracker.service.security.Recorder;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;
import io.sartracker.service.TrackerApplication;
import io.sartracker.service.web.CommandSender;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What durable commits cost: the same allotments recorded on a fresh H2 file with one client and with
 * eight, under three settings: H2's default delayed write (the old behaviour, which lost acknowledged
 * facts on a crash), {@code WRITE_DELAY=0} (safe from a killed process, not from a power loss), and
 * the default group commit (each answer waits for a shared {@code CHECKPOINT SYNC} with fsync).
 * Prints commands a second (after a warm-up), forced writes, and the size of the file while running
 * and once closed (H2 compacts on closing). Run with
 * {@code mvn -q -pl tracker-service exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.sartracker.service.bench.DurabilityBenchmark [-Dexec.args="commandsPerPhase settings"]}
 * where settings is a comma-separated choice of {@code delayed,write-delay-0,group} (all by default),
 * and a third argument adds H2 URL options to every setting.
 */
public final class DurabilityBenchmark {
    private static final Recorder BENCH = new Recorder("bench", "password");
    private static final LocalDate ALLOTMENT = LocalDate.of(2015, 7, 13);
    private static final int HOLDERS_PER_SERIES = 200;

    private DurabilityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int commands = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        // Which settings to measure (delayed, write-delay-0, group); one per JVM avoids favouring the later ones.
        List<String> settings = args.length > 1 ? List.of(args[1].split(",")) : List.of("delayed", "write-delay-0", "group");
        // More H2 URL options for every setting, e.g. ";RETENTION_TIME=1000", to try what keeps the file small.
        String extraUrlOptions = args.length > 2 ? args[2] : "";
        int exitCode = 0;
        try {
            if (settings.contains("delayed")) {
                measure("H2 delayed write (not durable)", commands, false, extraUrlOptions);
            }
            if (settings.contains("write-delay-0")) {
                measure("H2 WRITE_DELAY=0 (survives a killed JVM only)", commands, false, ";WRITE_DELAY=0" + extraUrlOptions);
            }
            if (settings.contains("group")) {
                measure("H2 group commit + fsync (the default)" + extraUrlOptions, commands, true,
                        ";RETENTION_TIME=5000" + extraUrlOptions);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            exitCode = 1;
        }
        // Axon's janitor thread is not a daemon: a command-line tool exits explicitly.
        System.exit(exitCode);
    }

    private static void measure(String setting, int commands, boolean groupSync, String urlOptions) throws Exception {
        Path dataDir = Files.createTempDirectory("sar-tracker-durability");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TrackerApplication.class)
                .run("--server.port=0", "--tracker.data-dir=" + dataDir, "--logging.level.root=warn",
                        "--tracker.durability.group-sync=" + groupSync,
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir + "/tracker;DB_CLOSE_ON_EXIT=FALSE" + urlOptions);
        Path file = dataDir.resolve("tracker.mv.db");
        try {
            CommandSender sender = context.getBean(CommandSender.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            record(sender, "W", Math.min(commands, 400), 4);
            double warmSyncs = syncs(meters);
            double one = record(sender, "A", commands, 1);
            double eight = record(sender, "B", commands, 8);
            System.out.printf("%-46s 1 client %4.0f commands/s, 8 clients %4.0f commands/s, %5.0f forced writes"
                            + " for %d commands, file %.1f MB", setting, one, eight, syncs(meters) - warmSyncs,
                    2 * commands, Files.size(file) / 1e6);
        } finally {
            context.close();
        }
        System.out.printf(", %.1f MB once closed%n", Files.size(file) / 1e6);
    }

    private static double syncs(MeterRegistry meters) {
        return meters.find("tracker.store.syncs").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Records {@code commands} allotments of one right from {@code clients} threads; answers commands a second. */
    private static double record(CommandSender sender, String prefix, int commands, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        int perClient = commands / clients;
        // Issue the series first, so that only allotments are timed.
        for (int c = 0; c < clients; c++) {
            for (int s = 0; s * HOLDERS_PER_SERIES < perClient; s++) {
                sender.send(new IssueSeries(SeriesId.of(prefix + c + "-" + s), IssuerId.of("BENCH"),
                        Terms.fifthSeries()), BENCH);
            }
        }
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perClient; i++) {
                    sender.send(new AllotRights(SeriesId.of(prefix + client + "-" + i / HOLDERS_PER_SERIES),
                            HolderId.of(prefix + client + "-H" + i), Role.DIRECTOR, Rights.of(1), ALLOTMENT), BENCH);
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return perClient * clients / seconds;
    }
}
