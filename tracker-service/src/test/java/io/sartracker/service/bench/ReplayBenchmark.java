package io.sartracker.service.bench;

import io.sartracker.service.security.Recorder;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordShareSplit;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;
import io.sartracker.query.replay.ProjectionRebuild;
import io.sartracker.service.TrackerApplication;
import io.sartracker.service.web.CommandSender;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Prints how fast the tracker records commands, how soon the projections follow, and how fast a
 * rebuild replays the store, on a fresh H2 file. Run it with
 * {@code mvn -q -pl tracker-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.sartracker.service.bench.ReplayBenchmark [-Dexec.args="series holders"]}.
 */
public final class ReplayBenchmark {
    private static final Recorder BENCH = new Recorder("bench", "password");
    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seriesCount = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int holdersPerSeries = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path dataDir = Files.createTempDirectory("sar-tracker-bench");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TrackerApplication.class)
                .run("--server.port=0", "--tracker.data-dir=" + dataDir, "--logging.level.root=warn");
        int exitCode = 0;
        try {
            run(context, seriesCount, holdersPerSeries);
        } catch (RuntimeException | InterruptedException e) {
            e.printStackTrace();
            exitCode = 1;
        } finally {
            context.close();
        }
        // Axon's janitor thread is not a daemon: a command-line tool exits explicitly.
        System.exit(exitCode);
    }

    private static void run(ConfigurableApplicationContext context, int seriesCount, int holders)
            throws InterruptedException {
        CommandSender sender = context.getBean(CommandSender.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        ProjectionRebuild rebuild = context.getBean(ProjectionRebuild.class);

        long start = System.nanoTime();
        int commands = 0;
        IssuerId issuer = IssuerId.of("BENCH");
        LocalDate allotment = LocalDate.of(2015, 7, 13);
        for (int s = 0; s < seriesCount; s++) {
            SeriesId series = SeriesId.of("S" + s);
            sender.send(new IssueSeries(series, issuer, Terms.fifthSeries()), BENCH);
            commands++;
            for (int h = 0; h < holders; h++) {
                sender.send(new AllotRights(series, HolderId.of("S" + s + "-H" + h),
                        h % 3 == 0 ? Role.DIRECTOR : Role.EXECUTIVE_OFFICER, Rights.of(2), allotment), BENCH);
                commands++;
            }
        }
        sender.send(new RecordShareSplit(issuer, Ratio.of(2, 1), LocalDate.of(2020, 12, 31), null), BENCH);
        commands++;
        for (int s = 0; s < seriesCount; s++) {
            for (int h = 0; h < holders; h += 2) {
                HolderId holder = HolderId.of("S" + s + "-H" + h);
                sender.send(new RecordDepartureFromOffice(issuer, holder, LocalDate.of(2023, 6, 23),
                        DepartureReason.RETIREMENT), BENCH);
                sender.send(ExerciseRights.ofRights(SeriesId.of("S" + s), holder, LocalDate.of(2023, 6, 30), 1),
                        BENCH);
                commands += 2;
            }
        }
        double recordSeconds = seconds(start);
        int events = jdbc.queryForObject("select count(*) from DomainEventEntry", Integer.class);
        System.out.printf("recorded %d commands, %d events in %.1f s: %.0f commands/s%n", commands, events,
                recordSeconds, commands / recordSeconds);

        long caughtUp = System.nanoTime();
        while (jdbc.queryForObject("select count(*) from audit_entry", Integer.class) < events) {
            Thread.sleep(5);
        }
        System.out.printf("projections caught up %.2f s after the last command%n", seconds(caughtUp));

        // How soon one command shows in the stored views: a departure, then its holding row.
        List<Long> lags = new ArrayList<>();
        for (int s = 0; s < seriesCount && lags.size() < 200; s++) {
            for (int h = 1; h < holders && lags.size() < 200; h += 2) {
                String holder = "S" + s + "-H" + h;
                sender.send(new RecordDepartureFromOffice(issuer, HolderId.of(holder), LocalDate.of(2024, 6, 21),
                        DepartureReason.RESIGNATION), BENCH);
                long sent = System.nanoTime();
                while (jdbc.queryForObject("select count(*) from holding_view where holder_id = ? and status = ?",
                        Integer.class, holder, "LEFT_OFFICE") == 0) {
                    Thread.onSpinWait();
                }
                lags.add(System.nanoTime() - sent);
            }
        }
        Collections.sort(lags);
        System.out.printf("a command shows in the views after: median %.1f ms, 95th percentile %.1f ms, max %.1f ms"
                        + " (%d commands)%n", lags.get(lags.size() / 2) / 1e6, lags.get(lags.size() * 95 / 100) / 1e6,
                lags.get(lags.size() - 1) / 1e6, lags.size());
        events = jdbc.queryForObject("select count(*) from DomainEventEntry", Integer.class);

        long rebuildStart = System.nanoTime();
        rebuild.start();
        while (rebuild.progress().stream().anyMatch(ProjectionRebuild.Progress::rebuilding)) {
            Thread.sleep(20);
        }
        double rebuildSeconds = seconds(rebuildStart);
        System.out.printf("rebuilt both projections from %d events in %.1f s: %.0f events/s%n", events,
                rebuildSeconds, events / rebuildSeconds);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
