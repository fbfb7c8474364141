package io.sartracker.service.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.InheritRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDeath;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordShareSplit;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Terms;
import io.sartracker.kernel.model.Yen;
import io.sartracker.kernel.query.FindHolder;
import io.sartracker.kernel.query.FindRegister;
import io.sartracker.kernel.query.FindSeries;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.query.api.TrackerQueryHandlers.SeriesList;
import io.sartracker.query.history.StoredEvents;
import io.sartracker.query.register.Views;
import io.sartracker.query.replay.ProjectionRebuild;
import io.sartracker.service.TestPostgres;
import io.sartracker.service.TrackerApplication;
import io.sartracker.service.TrackerTestSupport;
import io.sartracker.service.lapse.LapseSweep;
import io.sartracker.service.cluster.TokenPositions;
import io.sartracker.service.config.CompressedSnapshots;
import io.sartracker.service.security.Recorder;
import io.sartracker.service.web.CommandSender;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The benchmark of issue 13: how the tracker compares with the database's own limit, on H2 and on
 * PostgreSQL, in one run. For each store it
 * <ol>
 *   <li>records one series of {@code holders} holders through the command gateway, as an administrator
 *   would (allotments, deaths and inheritances, departures, {@code exercises} exercises of each
 *   departed holder spread over eight years, two share splits), then copies its stored events
 *   ({@code series - 1} times, each copy under its own series, issuer and holder identifiers, with the
 *   same serializer's bytes and the same table layout, written by batched JDBC) until the store holds
 *   the full history: the commands would take hours on this machine;</li>
 *   <li>measures the raw baseline on the same database: the same rows appended by plain JDBC, one durable
 *   commit each (on H2 a commit followed by {@code CHECKPOINT SYNC}, the tracker's own durability; on
 *   PostgreSQL a commit with {@code synchronous_commit = on}), and every stored event read back in order
 *   and its payload deserialized with the tracker's Jackson mapper;</li>
 *   <li>then the tracker's figures, each beside the baseline it compares with.</li>
 * </ol>
 * Run it with {@code scripts/benchmark.sh [series holders exercises samples stores]} (README, "Measuring").
 * {@link #measure} answers the figures, so that a smoke test can run it small.
 */
public final class StoreBenchmark {
    private static final Recorder BENCH = new Recorder("bench", "password");
    private static final LocalDate ALLOTMENT = LocalDate.of(2015, 7, 13);
    private static final LocalDate DEPARTURE = LocalDate.of(2016, 1, 15);
    private static final LocalDate DEATH = LocalDate.of(2016, 3, 1);
    private static final LocalDate INHERITANCE = LocalDate.of(2016, 4, 1);
    private static final List<LocalDate> SPLITS = List.of(LocalDate.of(2020, 12, 31), LocalDate.of(2022, 9, 30));
    /** The day the measured commands are dated: after every generated fact. */
    private static final LocalDate LATER = LocalDate.of(2025, 1, 15);
    private static final LocalDate AS_OF = LocalDate.of(2021, 6, 30);
    private static final Duration BOUND = Duration.ofMinutes(30);
    /** Rounds of 8 clients x samples commands over HTTP, untimed, before the timed ones (3,200 at 100 samples). */
    private static final int HTTP_WARM_UP_ROUNDS = 4;
    /**
     * Copies the series a block of events of each in turn, as a store recorded over years holds them
     * ({@code -Dbench.interleave=false}: one series after another, as the runs before 2026-11-29 did).
     */
    private static final boolean INTERLEAVE = Boolean.parseBoolean(System.getProperty("bench.interleave", "true"));
    /** Events of one series in a row when the copies interleave: about a season's facts of a company. */
    private static final int INTERLEAVED_BLOCK = 100;

    /** Where the tracker keeps its events. */
    public enum Store { H2, POSTGRES }

    /**
     * @param series     series in the store (one recorded through commands, the others copies of it)
     * @param holders    holders per series
     * @param exercises  exercises of each departed holder
     * @param samples    commands, queries and raw rows timed for each latency figure
     */
    public record Size(int series, int holders, int exercises, int samples) {
        public Size {
            if (series < 2 || holders < 20 || exercises < 1 || samples < 8) {
                throw new IllegalArgumentException("at least 2 series, 20 holders, 1 exercise and 8 samples");
            }
        }
    }

    /** One measured figure and, where one applies, its ratio to the raw baseline. */
    public record Figure(String name, double value, String unit, Double ratio) {
    }

    private StoreBenchmark() {
    }

    public static void main(String[] args) {
        // PostgreSQL's figures are for durable commits, as in production (zonky's defaults turn fsync off)
        System.setProperty(TestPostgres.DURABLE, System.getProperty(TestPostgres.DURABLE, "true"));
        Size size = new Size(arg(args, 0, 90), arg(args, 1, 400), arg(args, 2, 25), arg(args, 3, 200));
        List<Store> stores = args.length > 4
                ? List.of(args[4].toUpperCase().split(",")).stream().map(Store::valueOf).toList()
                : List.of(Store.H2, Store.POSTGRES);
        int exitCode = 0;
        try {
            Map<Store, List<Figure>> results = new LinkedHashMap<>();
            for (Store store : stores) {
                results.put(store, measure(store, size, true));
            }
            print(size, results);
        } catch (Exception e) {
            e.printStackTrace();
            exitCode = 1;
        }
        // Axon's janitor thread and the embedded PostgreSQL keep the JVM alive: a command-line tool exits.
        System.exit(exitCode);
    }

    private static int arg(String[] args, int index, int byDefault) {
        return args.length > index ? Integer.parseInt(args[index]) : byDefault;
    }

    /** Generates the history on a fresh store and answers every figure; {@code verbose} prints progress. */
    public static List<Figure> measure(Store store, Size size, boolean verbose) throws Exception {
        Path dataDir = Files.createTempDirectory("sar-tracker-store-bench");
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--tracker.data-dir=" + dataDir,
                "--logging.level.root=warn", "--spring.main.banner-mode=off"));
        // More settings for the service, to measure one change against another: -Dbench.service="--a=1 --b=2"
        String more = System.getProperty("bench.service", "").strip();
        if (!more.isEmpty()) {
            arguments.addAll(List.of(more.split("\\s+")));
        }
        if (store == Store.POSTGRES) {
            arguments.addAll(List.of("--spring.profiles.active=postgres",
                    "--TRACKER_DB_URL=" + TestPostgres.newDatabase("bench"), "--TRACKER_DB_USER=" + TestPostgres.USER,
                    "--TRACKER_DB_PASSWORD=" + TestPostgres.PASSWORD));
        }
        Run run = new Run(store, size, dataDir, arguments, verbose);
        try {
            return run.all();
        } finally {
            run.close();
        }
    }

    private static final class Run implements AutoCloseable {
        private final Store store;
        private final Size size;
        private final Path dataDir;
        private final List<String> arguments;
        private final boolean verbose;
        private final List<Figure> figures = new ArrayList<>();
        private ConfigurableApplicationContext context;
        private CommandSender sender;
        private JdbcTemplate jdbc;
        private double rawAppendPerSecond;
        private double rawReadPerSecond;
        private double rawBytesPerEvent;
        private long events;

        Run(Store store, Size size, Path dataDir, List<String> arguments, boolean verbose) {
            this.store = store;
            this.size = size;
            this.dataDir = dataDir;
            this.arguments = arguments;
            this.verbose = verbose;
        }

        List<Figure> all() throws Exception {
            double startEmpty = start();
            log("started on an empty store in %.1f s%s", startEmpty, store == Store.POSTGRES
                    ? "; PostgreSQL fsync " + jdbc.queryForObject("show fsync", String.class) + ", synchronous_commit "
                    + jdbc.queryForObject("show synchronous_commit", String.class) : "");
            long recordStart = System.nanoTime();
            int commands = recordFirstSeries();
            log("recorded the first series: %d commands in %.1f s", commands, seconds(recordStart));
            long copyStart = System.nanoTime();
            copySeries();
            events = count("select count(*) from DomainEventEntry");
            // the views fold the copied rows while the copy runs: what is left of it when the copy ends
            TokenPositions positions = context.getBean(TokenPositions.class);
            log("copied it to %d series%s: %d events in the store, %.1f s; the views then %d (register) and %d"
                    + " (audit) events behind", size.series(), INTERLEAVE ? " (interleaved, " + INTERLEAVED_BLOCK
                    + " events of each in turn)" : "", events, seconds(copyStart), positions.lag("register"),
                    positions.lag("audit"));
            long catchUp = System.nanoTime();
            awaitViewsCurrent();
            log("the views followed the copied events in %.1f s", seconds(catchUp));
            settle();

            diskAndMemory();
            rawBaseline();
            commandsThroughTheGateway();
            commandsOverHttp();
            atRestAfterCommands();
            commandOnALongSeries();
            asOfQueries();
            listOfSeries();
            commandToViews();
            rebuild();
            lapseSweep();
            context.close();
            context = null;
            double restart = start();
            figure(new Figure("(7) start-up on the full store", restart * 1000, "ms", null));
            if (store == Store.H2) {
                // after a rebuild (a second generation written beside the first) and a close, which compacts briefly
                log("H2's file after the rebuild and a restart: %,.0f B per event", (double) h2FileBytes() / events);
                fillRates();
            }
            figure(new Figure("(7) start-up on an empty store", startEmpty * 1000, "ms", null));
            return figures;
        }

        /**
         * PostgreSQL after the bulk copy: its autovacuum of the copied and rewritten tables and its checkpoints ran
         * for a minute or more after it, through the figures measured next (the as-of register's slowest samples
         * fell inside the vacuum of holding_view; BENCHMARKS.md, "This session (2026-11-28 from 19:35 UTC)"). It is
         * done here at once, as the server would have done it soon after a real import, so that the figures are
         * of a store at rest. H2 has nothing to run here (its compaction is its own): its fill rates are printed.
         */
        private void settle() {
            if (store == Store.H2) {
                fillRates();
                return;
            }
            long begin = System.nanoTime();
            jdbc.execute("vacuum analyze");
            jdbc.execute("checkpoint");
            log("vacuumed, analysed and checkpointed after the copy in %.1f s", seconds(begin));
        }

        private long h2FileBytes() {
            return dataDir.resolve("tracker.mv.db").toFile().length();
        }

        /**
         * H2 after the bulk copy: how full MVStore's file and its chunks are (H2's own figures). Waiting for the
         * background compaction to shrink the file was tried: after 20 s it had not shrunk at all (BENCHMARKS.md).
         */
        private void fillRates() {
            log("H2's file: %s", jdbc.query("select setting_name, setting_value from information_schema.settings"
                            + " where setting_name in ('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE',"
                            + " 'info.CHUNKS_FILL_RATE_RW', 'info.CHUNK_COUNT', 'info.PAGE_COUNT',"
                            + " 'info.PAGE_COUNT_LIVE') order by setting_name",
                    (row, n) -> row.getString(1).substring(5).toLowerCase() + " " + row.getString(2)));
        }

        /**
         * The day's lapse sweep, as the running service makes it: the copied series were never swept, and a
         * restart sweeps again (finding nothing more due the same day), so the start-up below is a restart's.
         */
        private void lapseSweep() {
            long begin = System.nanoTime();
            LapseSweep.SweepReport report = context.getBean(LapseSweep.class).sweep();
            double took = seconds(begin);
            log("the lapse sweep of %d series recorded %d lapses in %.1f s", size.series(), report.total(), took);
            figure(new Figure("(7) lapse sweep of every series", took * 1000, "ms", null));
        }

        private double start() {
            long begin = System.nanoTime();
            context = new SpringApplicationBuilder(TrackerApplication.class).run(arguments.toArray(String[]::new));
            sender = context.getBean(CommandSender.class);
            jdbc = context.getBean(JdbcTemplate.class);
            return seconds(begin);
        }

        private static String seriesId(int series) {
            return String.format("BS%04d", series);
        }

        private static String issuerId(int series) {
            return String.format("BI%04d", series);
        }

        private static HolderId holder(int series, int holder) {
            return HolderId.of(seriesId(series) + "-H" + holder);
        }

        /** Rights for every exercise and two more for the measured ones, and room for the measured allotments. */
        private Terms terms() {
            Terms fifth = Terms.fifthSeries();
            long maximum = (long) size.holders() * (size.exercises() + 2) + 10L * size.samples();
            return new Terms("Benchmark series", "Benchmark Inc.", fifth.resolutionDate(), Rights.of(maximum),
                    SharesPerRight.of(100), Yen.of(1), new ExerciseWindow(LocalDate.of(2015, 7, 14),
                    LocalDate.of(2045, 7, 13)), ALLOTMENT, ALLOTMENT, 365 * 30, 6, false,
                    Set.of(Role.DIRECTOR, Role.EXECUTIVE_OFFICER));
        }

        private static boolean dies(int holder) {
            return holder % 20 == 7;
        }

        /** The series {@code BS0000}: every kind of fact, in the order of their dates. */
        private int recordFirstSeries() {
            SeriesId series = SeriesId.of(seriesId(0));
            IssuerId issuer = IssuerId.of(issuerId(0));
            int sent = 0;
            sender.send(new IssueSeries(series, issuer, terms()), BENCH);
            sent++;
            for (int h = 0; h < size.holders(); h++) {
                sender.send(new AllotRights(series, holder(0, h), h % 3 == 0 ? Role.DIRECTOR : Role.EXECUTIVE_OFFICER,
                        Rights.of(size.exercises() + 2), ALLOTMENT), BENCH);
                sent++;
            }
            for (int h = 0; h < size.holders(); h++) {
                if (dies(h)) {
                    continue;
                }
                sender.send(new RecordDepartureFromOffice(issuer, holder(0, h), DEPARTURE.plusDays(h % 10),
                        h % 2 == 0 ? DepartureReason.RETIREMENT : DepartureReason.RESIGNATION), BENCH);
                sent++;
            }
            for (int h = 0; h < size.holders(); h++) {
                if (dies(h)) {
                    sender.send(new RecordDeath(issuer, holder(0, h), DEATH), BENCH);
                    sender.send(new InheritRights(series, holder(0, h), List.of(HolderId.of(seriesId(0) + "-R" + h)),
                            INHERITANCE), BENCH);
                    sent += 2;
                }
            }
            // Exercises every third month from February 2016, with the splits recorded when their day comes.
            int splitsDone = 0;
            for (int round = 0; round < size.exercises(); round++) {
                LocalDate day = LocalDate.of(2016, 2, 1).plusMonths(3L * round);
                while (splitsDone < SPLITS.size() && !SPLITS.get(splitsDone).isAfter(day)) {
                    sender.send(new RecordShareSplit(issuer, Ratio.of(2, 1), SPLITS.get(splitsDone), null), BENCH);
                    splitsDone++;
                    sent++;
                }
                for (int h = 0; h < size.holders(); h++) {
                    if (!dies(h)) {
                        sender.send(ExerciseRights.ofRights(series, holder(0, h), day, 1), BENCH);
                        sent++;
                    }
                }
            }
            for (; splitsDone < SPLITS.size(); splitsDone++) {
                sender.send(new RecordShareSplit(issuer, Ratio.of(2, 1), SPLITS.get(splitsDone), null), BENCH);
                sent++;
            }
            return sent;
        }

        /**
         * Copies the first series' events, and its rows in the tables the subscribing directory keeps, to
         * series 1.. under their own identifiers: the same bytes with {@code BS0000}/{@code BI0000} replaced.
         */
        private void copySeries() throws SQLException, IOException {
            DataSource dataSource = context.getBean(DataSource.class);
            List<Object[]> rows = new ArrayList<>();
            try (Connection connection = dataSource.getConnection();
                 Statement select = connection.createStatement();
                 ResultSet result = select.executeQuery("select aggregateIdentifier, sequenceNumber, type, timeStamp,"
                         + " payloadType, payloadRevision, payload, metaData from DomainEventEntry order by globalIndex")) {
                while (result.next()) {
                    rows.add(new Object[]{result.getString(1), result.getLong(2), result.getString(3), result.getString(4),
                            result.getString(5), result.getString(6), result.getBytes(7), result.getBytes(8)});
                }
            }
            List<String[]> people = jdbc.query("select series_id, person_id from series_person",
                    (r, i) -> new String[]{r.getString(1), r.getString(2)});
            // the latest snapshots too, as a store that was recorded through commands has them
            List<Object[]> snapshots = jdbc.query("select aggregateIdentifier, sequenceNumber, type, timeStamp,"
                    + " payloadType, payloadRevision, payload, metaData from SnapshotEventEntry", (r, i) -> new Object[]{
                    r.getString(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                    r.getBytes(7), r.getBytes(8)});
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement("insert into DomainEventEntry"
                        + " (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType,"
                        + " payloadRevision, payload, metaData) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                     PreparedStatement directory = connection.prepareStatement(
                             "insert into series_directory (series_id, issuer_id) values (?, ?)");
                     PreparedStatement person = connection.prepareStatement(
                             "insert into series_person (series_id, person_id) values (?, ?)");
                     PreparedStatement snapshot = connection.prepareStatement("insert into SnapshotEventEntry"
                             + " (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType,"
                             + " payloadRevision, payload, metaData) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    // series after series, or (bench.interleave) a block of each series in turn, as series
                    // recorded over the same years lie in a store
                    int block = INTERLEAVE ? INTERLEAVED_BLOCK : rows.size();
                    int batched = 0;
                    for (int from = 0; from < rows.size(); from += block) {
                        for (int s = 1; s < size.series(); s++) {
                            for (Object[] row : rows.subList(from, Math.min(rows.size(), from + block))) {
                                bindCopy(insert, row, seriesId(s), issuerId(s),
                                        rename((byte[]) row[6], seriesId(s), issuerId(s)));
                                insert.addBatch();
                                if (++batched % 1000 == 0) {
                                    insert.executeBatch();
                                    connection.commit();
                                }
                            }
                        }
                    }
                    insert.executeBatch();
                    for (int s = 1; s < size.series(); s++) {
                        String series = seriesId(s);
                        String issuer = issuerId(s);
                        directory.setString(1, series);
                        directory.setString(2, issuer);
                        directory.executeUpdate();
                        for (String[] row : people) {
                            person.setString(1, rename(row[0], series, issuer));
                            person.setString(2, rename(row[1], series, issuer));
                            person.addBatch();
                        }
                        person.executeBatch();
                        for (Object[] row : snapshots) {
                            bindCopy(snapshot, row, series, issuer, renameSnapshot((byte[]) row[6], series, issuer));
                            snapshot.addBatch();
                        }
                        snapshot.executeBatch();
                        connection.commit();
                    }
                }
            }
        }

        private static String rename(String text, String series, String issuer) {
            return text == null ? null : text.replace(seriesId(0), series).replace(issuerId(0), issuer);
        }

        private static byte[] rename(byte[] bytes, String series, String issuer) {
            return bytes == null ? null
                    : rename(new String(bytes, StandardCharsets.UTF_8), series, issuer).getBytes(StandardCharsets.UTF_8);
        }

        /**
         * Binds a stored event's or snapshot's row, read as (aggregateIdentifier, sequenceNumber, type, timeStamp,
         * payloadType, payloadRevision, payload, metaData), as the copy of another series, with a new identifier.
         */
        private static void bindCopy(PreparedStatement insert, Object[] row, String series, String issuer,
                                     byte[] payload) throws SQLException {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, rename((String) row[0], series, issuer));
            insert.setLong(3, (Long) row[1]);
            insert.setString(4, (String) row[2]);
            insert.setString(5, (String) row[3]);
            insert.setString(6, (String) row[4]);
            insert.setString(7, (String) row[5]);
            insert.setBytes(8, payload);
            insert.setBytes(9, rename((byte[]) row[7], series, issuer));
        }

        /** A snapshot's payload is gzip-compressed JSON (CompressedSnapshots). */
        private static byte[] renameSnapshot(byte[] payload, String series, String issuer) {
            return CompressedSnapshots.compressed(rename(CompressedSnapshots.plain(payload), series, issuer));
        }

        /**
         * The commands before have left work behind them: the views fold the last of their events and the snapshot
         * thread takes the snapshots they asked for. The long series' first samples ran beside that work and were
         * among its slowest (BENCHMARKS.md change 64); it is finished first, as it would be between a clerk's bursts.
         */
        private void atRestAfterCommands() {
            long begin = System.nanoTime();
            awaitViewsCurrent();
            await(() -> TrackerTestSupport.snapshotsTaken(context), BOUND, "the snapshots asked for to be taken");
            log("the views and snapshots finished the commands' work in %.1f s", seconds(begin));
        }

        private void awaitViewsCurrent() {
            TokenPositions positions = context.getBean(TokenPositions.class);
            await(() -> positions.lag("register") == 0 && positions.lag("audit") == 0, BOUND, "the views to follow");
        }

        private void diskAndMemory() {
            long bytes = store == Store.H2 ? h2FileBytes()
                    : jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
            rawBytesPerEvent = jdbc.queryForObject("select avg(cast(length(payload) + coalesce(length(metaData), 0)"
                    + " as double precision)) from DomainEventEntry", Double.class);
            figure(new Figure("(7) bytes on disk per event", (double) bytes / events, "B",
                    bytes / (double) events / rawBytesPerEvent));
            diskByTable(bytes);
            figure(new Figure("(7) resident memory after load", residentMegabytes(), "MB", null));
            figure(new Figure("events in the store", events, "", null));
        }

        /**
         * Where the bytes on disk go: each table with its indexes, largest first, and the rest (H2: space not yet
         * compacted; PostgreSQL: its catalog). Printed, not a figure.
         */
        private void diskByTable(long fileBytes) {
            String sizes = store == Store.H2
                    ? "select table_name, disk_space_used('\"' || table_schema || '\".\"' || table_name || '\"')"
                    + " from information_schema.tables where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'"
                    : "select relname, pg_total_relation_size(relid) from pg_catalog.pg_statio_user_tables";
            List<Map.Entry<String, Long>> tables = new ArrayList<>(jdbc.query(sizes,
                    (row, n) -> Map.entry(row.getString(1), row.getLong(2))));
            tables.sort(Map.Entry.<String, Long>comparingByValue().reversed());
            long inTables = tables.stream().mapToLong(Map.Entry::getValue).sum();
            for (Map.Entry<String, Long> table : tables.subList(0, Math.min(8, tables.size()))) {
                log("(7) on disk: %-28s %,14d B  %,8.0f B per event", table.getKey(), table.getValue(),
                        (double) table.getValue() / events);
            }
            log("(7) on disk: %-28s %,14d B  %,8.0f B per event", "outside the tables",
                    fileBytes - inTables, (double) (fileBytes - inTables) / events);
        }

        private static double residentMegabytes() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                    }
                }
                return Double.NaN;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Plain JDBC: the baseline every ratio divides by. */
        private void rawBaseline() throws Exception {
            DataSource dataSource = context.getBean(DataSource.class);
            ObjectMapper mapper = context.getBean(ObjectMapper.class);
            jdbc.execute("create table bench_raw_event (globalIndex bigint generated by default as identity primary key,"
                    + " eventIdentifier varchar(255) not null unique, aggregateIdentifier varchar(255) not null,"
                    + " sequenceNumber bigint not null, type varchar(255), timeStamp varchar(255) not null,"
                    + " payloadType varchar(255) not null, payloadRevision varchar(255), payload bytea not null,"
                    + " metaData bytea, constraint uq_bench_raw unique (aggregateIdentifier, sequenceNumber))");
            int rows = 4 * size.samples();
            List<Long> times = new ArrayList<>();
            try (Connection connection = dataSource.getConnection();
                 Statement sync = connection.createStatement();
                 PreparedStatement select = connection.prepareStatement("select aggregateIdentifier, sequenceNumber,"
                         + " type, timeStamp, payloadType, payloadRevision, payload, metaData from DomainEventEntry"
                         + " order by globalIndex");
                 PreparedStatement insert = connection.prepareStatement("insert into bench_raw_event (eventIdentifier,"
                         + " aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload,"
                         + " metaData) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                connection.setAutoCommit(true);
                select.setMaxRows(rows);
                try (ResultSet result = select.executeQuery()) {
                    long begin = System.nanoTime();
                    while (result.next()) {
                        long one = System.nanoTime();
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, result.getString(1));
                        insert.setLong(3, result.getLong(2));
                        for (int column = 3; column <= 6; column++) {
                            insert.setString(column + 1, result.getString(column));
                        }
                        insert.setBytes(8, result.getBytes(7));
                        insert.setBytes(9, result.getBytes(8));
                        insert.executeUpdate();
                        if (store == Store.H2) {
                            sync.execute("CHECKPOINT SYNC");
                        }
                        times.add(System.nanoTime() - one);
                    }
                    rawAppendPerSecond = times.size() / seconds(begin);
                }
            }
            figure(new Figure("(1) raw: append, one durable commit each", rawAppendPerSecond, "rows/s", 1.0));
            figure(new Figure("(1) raw: append p50", percentile(times, 50), "ms", null));
            figure(new Figure("(1) raw: append p99", percentile(times, 99), "ms", null));
            jdbc.execute("drop table bench_raw_event");

            Map<String, Class<?>> types = new HashMap<>();
            long read = 0;
            long begin = System.nanoTime();
            try (Connection connection = dataSource.getConnection()) {
                // PostgreSQL streams a result only inside a transaction with a fetch size.
                connection.setAutoCommit(false);
                try (PreparedStatement select = connection.prepareStatement(
                        "select payloadType, payload from DomainEventEntry order by globalIndex")) {
                    select.setFetchSize(1000);
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            Class<?> type = types.computeIfAbsent(result.getString(1), StoreBenchmark::load);
                            if (mapper.readValue(result.getBytes(2), type) == null) {
                                throw new IllegalStateException("an event's payload read as null");
                            }
                            read++;
                        }
                    }
                }
                connection.commit();
            }
            rawReadPerSecond = read / seconds(begin);
            figure(new Figure("(1) raw: read in order and deserialize", rawReadPerSecond, "rows/s", 1.0));
        }

        /** Allotments of one right on series of their own, one per client. */
        private void commandsThroughTheGateway() throws Exception {
            for (int clients : new int[]{1, 8}) {
                serverStatementsReset();
                Timed timed = clients(clients, "G" + clients, (series, holder) ->
                        sender.send(new AllotRights(series, holder, Role.DIRECTOR, Rights.of(1), ALLOTMENT), BENCH));
                rateAndPercentiles("(2) gateway, " + clients + " client" + (clients > 1 ? "s" : ""), timed);
                if (clients == 8) {
                    awaitViewsCurrent();
                    serverStatements("an allotment, 8 clients", timed.times().size());
                }
            }
        }

        private void commandsOverHttp() throws Exception {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String password = Files.readString(dataDir.resolve("initial-admin-password.txt")).strip();
            String authorization = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password)
                    .getBytes(StandardCharsets.UTF_8));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // The first check of a password costs a bcrypt hash (a quarter second); later ones are remembered.
            HttpResponse<String> warm = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/series")).header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
            if (warm.statusCode() != 200) {
                throw new IllegalStateException("the list of series answered " + warm.statusCode());
            }
            Command allotment = (series, holder) -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/series/"
                                + series.value() + "/allotments"))
                        .header("Authorization", authorization).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"holderId\":\"" + holder.value()
                                + "\",\"role\":\"DIRECTOR\",\"rights\":1,\"allotmentDate\":\"" + ALLOTMENT + "\"}"))
                        .build();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("an allotment over HTTP answered " + response.statusCode()
                                + ": " + response.body());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            };
            // The web stack's code runs here for the first time: before measuring, let the JIT compile it, as
            // the gateway's commands were by the recording of the first series (a cold stack took 3-4 times
            // as long a request).
            for (int round = 0; round < HTTP_WARM_UP_ROUNDS; round++) {
                clients(8, "WU" + round, allotment);
            }
            for (int clients : new int[]{1, 8}) {
                Timed timed = clients(clients, "W" + clients, allotment);
                rateAndPercentiles("(2) HTTP, " + clients + " client" + (clients > 1 ? "s" : ""), timed);
            }
        }

        private interface Command {
            void send(SeriesId series, HolderId holder);
        }

        /** Each command's time, and the time from the first command sent to the last one answered. */
        private record Timed(List<Long> times, double seconds) {
        }

        /** {@code samples} commands from each client, every client on a series of its own. */
        private Timed clients(int clients, String prefix, Command command) throws Exception {
            for (int c = 0; c < clients; c++) {
                sender.send(new IssueSeries(SeriesId.of(prefix + "-" + c), IssuerId.of(prefix + "-I" + c), terms()), BENCH);
            }
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<List<Long>>> done = new ArrayList<>();
                long begin = System.nanoTime();
                for (int c = 0; c < clients; c++) {
                    SeriesId series = SeriesId.of(prefix + "-" + c);
                    done.add(pool.submit(() -> {
                        List<Long> times = new ArrayList<>();
                        for (int i = 0; i < size.samples(); i++) {
                            long sent = System.nanoTime();
                            command.send(series, HolderId.of(series.value() + "-H" + i));
                            times.add(System.nanoTime() - sent);
                        }
                        return times;
                    }));
                }
                List<Long> all = new ArrayList<>();
                for (Future<List<Long>> future : done) {
                    all.addAll(future.get());
                }
                return new Timed(all, seconds(begin));
            } finally {
                pool.shutdown();
            }
        }

        private void rateAndPercentiles(String name, Timed timed) {
            double rate = timed.times().size() / timed.seconds();
            figure(new Figure(name + ": commands/s", rate, "/s", rate / rawAppendPerSecond));
            figure(new Figure(name + ": p50", percentile(timed.times(), 50), "ms", null));
            figure(new Figure(name + ": p99", percentile(timed.times(), 99), "ms", null));
        }

        /** Exercises of one right on series 1, the first of them reading it from the store (its snapshot and the events after it). */
        private void commandOnALongSeries() {
            SeriesId series = SeriesId.of(seriesId(1));
            long seriesEvents = count("select count(*) from DomainEventEntry where aggregateIdentifier = '"
                    + series.value() + "'");
            List<Long> times = new ArrayList<>();
            List<String> timesAt = new ArrayList<>();
            int h = 0;
            long firstLoad = 0;
            long flushesBefore = walFlushes();
            serverStatementsReset();
            for (int i = 0; i < size.samples(); i++) {
                while (dies(h % size.holders())) {
                    h++;
                }
                HolderId holder = holder(1, h % size.holders());
                long begin = System.nanoTime();
                sender.send(ExerciseRights.ofRights(series, holder, LATER.plusDays(h / size.holders()), 1), BENCH);
                long took = System.nanoTime() - begin;
                if (i == 0) {
                    firstLoad = took;
                } else {
                    times.add(took);
                    timesAt.add(LocalTime.now(ZoneOffset.UTC).toString());
                }
                h++;
            }
            if (store == Store.POSTGRES) {
                // the server's own count of its write-ahead log's syncs (the views' commits included, as they follow)
                awaitViewsCurrent();
                log("PostgreSQL synced its write-ahead log %.1f times a command on the long series",
                        (double) (walFlushes() - flushesBefore) / size.samples());
                serverStatements("a command on the long series", size.samples());
            }
            figure(new Figure("(4) events in the long series", seriesEvents, "", null));
            figure(new Figure("(4) command on it, the first (reads it)", firstLoad / 1e6, "ms", null));
            figure(new Figure("(4) command on it: p50", percentile(times, 50), "ms", null));
            figure(new Figure("(4) command on it: p99", percentile(times, 99), "ms", null));
            logSlowest("commands on the long series", times, timesAt);

            // A mistaken command (more rights than the holder has), then the right one: as a clerk corrects it.
            List<Long> rejected = new ArrayList<>();
            List<Long> corrected = new ArrayList<>();
            for (int i = 0; i < size.samples(); i++) {
                while (dies(h % size.holders())) {
                    h++;
                }
                HolderId holder = holder(1, h % size.holders());
                LocalDate on = LATER.plusDays(h / size.holders());
                long begin = System.nanoTime();
                try {
                    sender.send(ExerciseRights.ofRights(series, holder, on, 1_000_000), BENCH);
                    throw new IllegalStateException("an exercise of a million rights was recorded");
                } catch (RuleViolation expected) {
                    rejected.add(System.nanoTime() - begin);
                }
                begin = System.nanoTime();
                sender.send(ExerciseRights.ofRights(series, holder, on, 1), BENCH);
                corrected.add(System.nanoTime() - begin);
                h++;
            }
            figure(new Figure("(4) a command its rules reject: p50", percentile(rejected, 50), "ms", null));
            figure(new Figure("(4) the command after it: p50", percentile(corrected, 50), "ms", null));
            figure(new Figure("(4) the command after it: p99", percentile(corrected, 99), "ms", null));
            Long snapshot = jdbc.queryForObject("select max(length(payload)) from SnapshotEventEntry", Long.class);
            figure(new Figure("(4) largest snapshot", snapshot == null ? 0 : snapshot / 1024.0, "KB", null));
        }

        /**
         * Whether PostgreSQL counts its statements: only where the benchmark's server preloads
         * {@code pg_stat_statements} ({@code -Dtracker.test.postgres.settings=shared_preload_libraries=pg_stat_statements}),
         * a diagnosis that costs the server a little on every statement.
         */
        private boolean serverCountsStatements() {
            if (store != Store.POSTGRES || !"pg_stat_statements".equals(
                    jdbc.queryForObject("show shared_preload_libraries", String.class))) {
                return false;
            }
            jdbc.execute("create extension if not exists pg_stat_statements");
            return true;
        }

        private void serverStatementsReset() {
            if (serverCountsStatements()) {
                jdbc.execute("select pg_stat_statements_reset()");
            }
        }

        /**
         * The server's statements since the reset, per command: how often and how long each ran, the views' included.
         * The benchmark's own statements are left out: its polls of the tokens while it waits for the views
         * ({@link TokenPositions}), and its questions to the server's statistics.
         */
        private void serverStatements(String what, int commands) {
            if (!serverCountsStatements()) {
                return;
            }
            String service = " from pg_stat_statements where query not like '%pg_stat%'"
                    + " and query not like 'select token, tokenType from TokenEntry where processorName%'"
                    + " and query not like 'select max(globalIndex) from DomainEventEntry%'";
            List<String> lines = jdbc.query("select calls, total_exec_time, rows, left(regexp_replace(query, '\\s+', ' ',"
                    + " 'g'), 110)" + service + " order by total_exec_time desc", (r, n) -> String.format(
                    "%6.2f calls %7.3f ms %7.1f rows  %s", r.getLong(1) / (double) commands, r.getDouble(2) / commands,
                    r.getLong(3) / (double) commands, r.getString(4)));
            Map<String, Object> all = jdbc.queryForMap("select sum(calls) as calls, sum(total_exec_time) as ms" + service);
            log("PostgreSQL's statements for %s: %.1f a command, %.3f ms of execution a command; per command:%n  %s",
                    what, ((Number) all.get("calls")).doubleValue() / commands,
                    ((Number) all.get("ms")).doubleValue() / commands,
                    String.join(System.lineSeparator() + "  ", lines.subList(0, Math.min(25, lines.size()))));
        }

        /** PostgreSQL's syncs of its write-ahead log so far ({@code pg_stat_wal}); 0 on H2. */
        private long walFlushes() {
            return store == Store.POSTGRES ? jdbc.queryForObject("select wal_sync from pg_stat_wal", Long.class) : 0;
        }

        private void asOfQueries() {
            QueryGateway queries = context.getBean(QueryGateway.class);
            List<Long> holders = new ArrayList<>();
            List<Long> registers = new ArrayList<>();
            List<String> registerTimes = new ArrayList<>();
            int n = Math.max(8, size.samples());
            // the code a first read runs, compiled before the samples, on the two series they never visit
            StoredEvents stored = context.getBean(StoredEvents.class);
            for (int r = 0; r < 6; r++) {
                stored.ofSeries(seriesId(r % Math.min(2, size.series())), 0);
            }
            for (int s = 0; s < Math.min(2, size.series()); s++) {
                queries.query(new FindHolder(holder(s, 0), AS_OF, null), ResponseTypes.instanceOf(Object.class)).join();
                queries.query(new FindRegister(SeriesId.of(seriesId(s)), AS_OF, null),
                        ResponseTypes.instanceOf(Views.RegisterView.class)).join();
            }
            for (int i = 0; i < n; i++) {
                int s = 2 + i % Math.max(1, size.series() - 2);
                HolderId holder = holder(s % size.series(), (i * 7) % size.holders());
                long begin = System.nanoTime();
                queries.query(new FindHolder(holder, AS_OF, null), ResponseTypes.instanceOf(Object.class)).join();
                holders.add(System.nanoTime() - begin);
                begin = System.nanoTime();
                Views.RegisterView register = queries.query(new FindRegister(SeriesId.of(seriesId(s % size.series())),
                        AS_OF, null), ResponseTypes.instanceOf(Views.RegisterView.class)).join();
                registers.add(System.nanoTime() - begin);
                registerTimes.add(LocalTime.now(ZoneOffset.UTC).toString());
                if (register == null) {
                    throw new IllegalStateException("no register of " + seriesId(s % size.series()));
                }
            }
            figure(new Figure("(5) as-of holder view: p50", percentile(holders, 50), "ms", null));
            figure(new Figure("(5) as-of holder view: p99", percentile(holders, 99), "ms", null));
            figure(new Figure("(5) as-of register: p50", percentile(registers, 50), "ms", null));
            figure(new Figure("(5) as-of register: p99", percentile(registers, 99), "ms", null));
            logSlowest("as-of registers", registers, registerTimes);
        }

        /** When the slowest samples ran (UTC, at their end), to set beside the database's log and the collector's. */
        private void logSlowest(String what, List<Long> times, List<String> endedAt) {
            log("the five slowest %s: %s", what, IntStream.range(0, times.size()).boxed()
                    .sorted((a, b) -> Long.compare(times.get(b), times.get(a))).limit(5)
                    .map(i -> String.format("#%d %.1f ms at %s", i, times.get(i) / 1e6, endedAt.get(i)))
                    .collect(Collectors.joining(", ")));
        }

        /** The list of every series with its totals today (GET /series, the Today page). */
        private void listOfSeries() {
            QueryGateway queries = context.getBean(QueryGateway.class);
            List<Long> times = new ArrayList<>();
            int listed = 0;
            for (int i = 0; i < Math.max(5, size.samples() / 10); i++) {
                long begin = System.nanoTime();
                listed = queries.query(new FindSeries(null), ResponseTypes.instanceOf(SeriesList.class)).join()
                        .series().size();
                times.add(System.nanoTime() - begin);
            }
            if (listed < size.series()) {
                throw new IllegalStateException("the list has " + listed + " series of " + size.series());
            }
            figure(new Figure("(5) list of every series: p50", percentile(times, 50), "ms", null));
            log("listed %d series; the largest series document: %,d characters, holding document: %,d", listed,
                    jdbc.queryForObject("select max(length(document)) from series_view", Long.class),
                    jdbc.queryForObject("select max(length(document)) from holding_view", Long.class));
        }

        /** An allotment, then its holding row in the stored view. */
        private void commandToViews() {
            SeriesId series = SeriesId.of("LAG");
            sender.send(new IssueSeries(series, IssuerId.of("LAG-I"), terms()), BENCH);
            List<Long> lags = new ArrayList<>();
            int n = Math.max(8, size.samples());
            for (int i = 0; i < n; i++) {
                String holder = "LAG-H" + i;
                long begin = System.nanoTime();
                sender.send(new AllotRights(series, HolderId.of(holder), Role.DIRECTOR, Rights.of(1), ALLOTMENT), BENCH);
                await(() -> count("select count(*) from holding_view where series_id = 'LAG' and holder_id = '"
                        + holder + "'") > 0, Duration.ofSeconds(30), "the allotment in the views");
                lags.add(System.nanoTime() - begin);
            }
            figure(new Figure("(6) command to the views: p50", percentile(lags, 50), "ms", null));
            figure(new Figure("(6) command to the views: p99", percentile(lags, 99), "ms", null));
        }

        private void rebuild() {
            ProjectionRebuild rebuild = context.getBean(ProjectionRebuild.class);
            long stored = count("select count(*) from DomainEventEntry");
            long begin = System.nanoTime();
            rebuild.start();
            // asked every 100 ms: each answer reads the stored tokens, which on 2 cores slowed the rebuild itself
            Map<String, Double> finished = new LinkedHashMap<>();
            await(() -> {
                List<ProjectionRebuild.Progress> progress = rebuild.progress();
                progress.stream().filter(p -> !p.rebuilding())
                        .forEach(p -> finished.computeIfAbsent(p.projection(), name -> seconds(begin)));
                return progress.stream().noneMatch(ProjectionRebuild.Progress::rebuilding);
            }, BOUND, "the rebuild", Duration.ofMillis(100));
            double rate = stored / seconds(begin);
            log("rebuilt every projection from %d events in %.1f s (%s)", stored, seconds(begin),
                    finished.entrySet().stream().map(done -> String.format("%s %.1f s", done.getKey(), done.getValue()))
                            .collect(Collectors.joining(", ")));
            figure(new Figure("(3) rebuild of every projection", rate, "events/s", rate / rawReadPerSecond));
        }

        /** Kept for the table at the end, and printed now: a run that fails later still shows what it measured. */
        private void figure(Figure figure) {
            figures.add(figure);
            log("%s: %.1f %s%s", figure.name(), figure.value(), figure.unit(),
                    figure.ratio() == null ? "" : String.format(" (%.1f%% of raw)", figure.ratio() * 100));
        }

        private long count(String sql) {
            return jdbc.queryForObject(sql, Long.class);
        }

        private void log(String format, Object... values) {
            if (verbose) {
                System.out.printf("[%s] " + format + "%n", prepend(store, values));
            }
        }

        private static Object[] prepend(Object first, Object[] rest) {
            Object[] all = new Object[rest.length + 1];
            all[0] = first;
            System.arraycopy(rest, 0, all, 1, rest.length);
            return all;
        }

        @Override
        public void close() {
            if (context != null) {
                context.close();
            }
        }
    }

    private static Class<?> load(String type) {
        try {
            return Class.forName(type);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no class for the stored payload type " + type, e);
        }
    }

    /** Waits for the condition, looking again every few milliseconds, at most {@code bound}. */
    static void await(BooleanSupplier condition, Duration bound, String what) {
        await(condition, bound, what, Duration.ofMillis(2));
    }

    static void await(BooleanSupplier condition, Duration bound, String what, Duration interval) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + bound);
            }
            LockSupport.parkNanos(interval.toNanos());
        }
    }

    private static double percentile(List<Long> nanos, int percent) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void print(Size size, Map<Store, List<Figure>> results) {
        System.out.printf("%nSize: %d series x %d holders, %d exercises each, %d samples; %d cores, Java %s%n",
                size.series(), size.holders(), size.exercises(), size.samples(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        StringBuilder header = new StringBuilder(String.format("%-44s", "figure"));
        results.keySet().forEach(store -> header.append(String.format(" | %18s %8s", store, "ratio")));
        System.out.println(header);
        List<Figure> first = results.values().iterator().next();
        for (int i = 0; i < first.size(); i++) {
            StringBuilder line = new StringBuilder(String.format("%-44s", first.get(i).name()));
            for (List<Figure> figures : results.values()) {
                Figure figure = figures.get(i);
                line.append(String.format(" | %12.1f %-5s %8s", figure.value(), figure.unit(),
                        figure.ratio() == null ? "" : String.format("%.1f%%", figure.ratio() * 100)));
            }
            System.out.println(line);
        }
    }
}
