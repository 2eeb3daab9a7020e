package cn.govdata.bench;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.govdata.GovdataApplication;
import cn.govdata.lake.LakeRecords;
import cn.govdata.lake.ingest.LakeBenchAccess;
import tools.jackson.databind.json.JsonMapper;

/**
 * What sealing the lake's personal information costs (SEC-4, SEC-8): in one run, the same generated population file
 * (7 items, 4 of them personal: ID number as the record key, name, address, mobile) is ingested through
 * {@code BulkIngestion} of an in-process govdata context with sealing on, then of one with sealing off
 * ({@code govdata.lake.sealing.enabled=false}), and each answers keyed reads ({@code LakeRecords.byKey}, every item,
 * as a share query by key does) for a sample of the file's ID numbers. The baseline is the raw database doing the
 * same work: the file inserted into a table of the same seven text columns with the primary key on the ID number
 * (COPY on PostgreSQL, JDBC batches on H2), and the same keys looked up by a prepared select. Not a test: run by
 * bench/lake-encryption.sh.
 *
 * <p>Arguments: JDBC URL (or {@code h2} for a file database per run in the work directory), user, password, rows,
 * lookups, work directory.
 */
public final class LakeSealingBench {

    private static final List<String> ITEMS = List.of("gmsfhm", "xm", "xb", "csrq", "xzqh", "zz", "sjhm");

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int rows = Integer.parseInt(args[3]);
        int lookups = Integer.parseInt(args[4]);
        Path work = Path.of(args[5]);
        Files.createDirectories(work);
        boolean h2 = url.equals("h2");
        System.out.printf("JVM %s, max heap %d MB, %d cores, %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                h2 ? "H2 (file)" : "PostgreSQL " + url);
        Path csv = work.resolve("population.csv");
        long faulty = LakeIngestBench.generate(csv, rows);
        Path warmUp = work.resolve("warm-up.csv");
        LakeIngestBench.generate(warmUp, Math.max(1000, rows / 5));
        List<String> keys = sample(csv, lookups);
        System.out.printf("%-30s %,d rows (%,d with a fault), %,d keys to look up%n", "file", rows, faulty, keys.size());

        double[] plain = platform(url, user, password, h2, false, csv, warmUp, keys, work);
        double[] sealed = platform(url, user, password, h2, true, csv, warmUp, keys, work);
        double[] raw = raw(url, user, password, h2, csv, keys, work);
        System.out.printf("%-30s ingest %.2f × unsealed, %.2f × raw; keyed read %.2f × unsealed, %.2f × raw%n",
                "sealed, ratio", sealed[0] / plain[0], sealed[0] / raw[0], sealed[1] / plain[1], sealed[1] / raw[1]);
        System.out.printf("%-30s ingest %.2f × raw; keyed read %.2f × raw%n", "unsealed, ratio", plain[0] / raw[0],
                plain[1] / raw[1]);
    }

    /** Ingests the file into a new dataset and reads the keys back; answers {rows/s, reads/s}. */
    private static double[] platform(String url, String user, String password, boolean h2, boolean sealing, Path csv,
            Path warmUp, List<String> keys, Path work) throws Exception {
        String label = sealing ? "sealed" : "unsealed";
        Path data = work.resolve("data-" + label);
        List<String> arguments = new ArrayList<>(List.of("--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--server.port=0", "--govdata.data-dir=" + data, "--govdata.bootstrap.admin-password=Bench-Admin-2026!",
                "--govdata.catalog.index.check-interval=365d", "--govdata.lake.sealing.enabled=" + sealing));
        if (!h2) {
            arguments.addAll(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password));
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GovdataApplication.class)
                .logStartupInfo(false).run(arguments.toArray(String[]::new))) {
            DataSource db = context.getBean(DataSource.class);
            long[] owner = LakeIngestBench.seedEntry(db, context.getBean(JsonMapper.class));
            // a smaller file into a dataset of its own first, untimed: the compiler has warmed up for both runs
            long[] warm = LakeIngestBench.seedEntry(db, context.getBean(JsonMapper.class));
            Path warmUpload = Files.createTempFile(work, "warm-", ".csv");
            Files.copy(warmUp, warmUpload, StandardCopyOption.REPLACE_EXISTING);
            LakeBenchAccess.ingest(context, LakeBenchAccess.createDataset(context, warm[2], warm[1], warm[0]), warm[1],
                    warm[0], warmUpload);
            if (sealing) {
                sealingAlone(context);
            }
            long datasetId = LakeBenchAccess.createDataset(context, owner[2], owner[1], owner[0]);
            Path upload = Files.createTempFile(work, "upload-", ".csv");
            Files.copy(csv, upload, StandardCopyOption.REPLACE_EXISTING);
            LakeIngestBench.checkpoint(db);
            long start = System.nanoTime();
            LakeBenchAccess.Load load = LakeBenchAccess.ingest(context, datasetId, owner[1], owner[0], upload);
            double seconds = seconds(start);
            if (!"APPLIED".equals(load.status())) {
                throw new IllegalStateException("the batch was not applied: " + load);
            }
            double ingest = load.accepted() / seconds;
            System.out.printf("%-30s %,.0f rows/s (%,d accepted in %.1f s)%n", label + ", ingest", ingest,
                    load.accepted(), seconds);

            LakeRecords records = context.getBean(LakeRecords.class);
            LakeRecords.Source source = records.ofEntry(owner[2]).orElseThrow();
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select record_key, c_xm from lake_ds_" + datasetId + " limit 1")) {
                rs.next();
                System.out.printf("%-30s record_key %s, c_xm %s%n", label + ", stored as", rs.getString(1),
                        rs.getString(2));
            }
            // the keys of rows the lake refused (a fault in any item) are left out, untimed, of this and later reads
            keys.removeIf(key -> records.byKey(source, key, List.of(), List.of()).isEmpty());
            double reads = reads(keys, key -> {
                LakeRecords.Row row = records.byKey(source, key, ITEMS, List.of()).orElseThrow(
                        () -> new IllegalStateException("no record with key " + key));
                return row.values().get("xm");
            }, label);
            return new double[] { ingest, reads };
        }
    }

    /** The cipher alone, one thread: a name sealed and opened, an ID number's lookup digest. */
    private static void sealingAlone(ConfigurableApplicationContext context) {
        cn.govdata.lake.sealing.SealedValues sealing = context.getBean(cn.govdata.lake.sealing.SealedValues.class);
        int n = 200_000;
        for (int round = 0; round < 2; round++) {  // the first round warms up
            long start = System.nanoTime();
            String last = null;
            for (int i = 0; i < n; i++) {
                last = sealing.seal("姓名" + i);
            }
            double seal = n / seconds(start);
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sealing.open(last);
            }
            double open = n / seconds(start);
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sealing.lookupKey("51068319390730" + i);
            }
            double lookup = n / seconds(start);
            if (round == 1) {
                System.out.printf("%-30s seal %,.0f/s, open %,.0f/s, lookup digest %,.0f/s (one thread)%n",
                        "sealing alone", seal, open, lookup);
            }
        }
    }

    private interface Read {
        String read(String key) throws Exception;
    }

    /** Reads each key once after a warm-up of a tenth of them; prints reads/s, median and p99. */
    private static double reads(List<String> keys, Read read, String label) throws Exception {
        for (String key : keys.subList(0, keys.size() / 10)) {
            read.read(key);
        }
        long[] micros = new long[keys.size()];
        long start = System.nanoTime();
        for (int i = 0; i < keys.size(); i++) {
            long one = System.nanoTime();
            if (read.read(keys.get(i)) == null) {
                throw new IllegalStateException("no name read for " + keys.get(i));
            }
            micros[i] = (System.nanoTime() - one) / 1000;
        }
        double rate = keys.size() / seconds(start);
        Arrays.sort(micros);
        System.out.printf("%-30s %,.0f reads/s, median %d µs, p99 %d µs (one thread, every item of the record)%n",
                label + ", keyed read", rate, micros[micros.length / 2], micros[micros.length * 99 / 100]);
        return rate;
    }

    /** The raw database: the same rows into an equivalent table, the same keys looked up. */
    private static double[] raw(String url, String user, String password, boolean h2, Path csv, List<String> keys,
            Path work) throws Exception {
        String jdbcUrl = h2 ? "jdbc:h2:file:" + work.resolve("raw").toAbsolutePath() + ";MODE=PostgreSQL" : url;
        try (Connection c = DriverManager.getConnection(jdbcUrl, h2 ? "sa" : user, h2 ? "" : password)) {
            try (Statement s = c.createStatement()) {
                s.execute("drop table if exists bench_raw_sealing");
                s.execute("create table bench_raw_sealing (gmsfhm text primary key, xm text, xb text, csrq text,"
                        + " xzqh text, zz text, sjhm text)");
            }
            long start = System.nanoTime();
            long inserted = 0;
            if (h2) {
                c.setAutoCommit(false);
                try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                        PreparedStatement insert = c.prepareStatement(
                                "merge into bench_raw_sealing key (gmsfhm) values (?, ?, ?, ?, ?, ?, ?)")) {
                    in.readLine();
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        String[] fields = line.split(",", -1);
                        for (int i = 0; i < 7; i++) {
                            insert.setString(i + 1, i < fields.length ? fields[i] : null);
                        }
                        insert.addBatch();
                        if (++inserted % 1000 == 0) {
                            insert.executeBatch();
                            c.commit();
                        }
                    }
                    insert.executeBatch();
                    c.commit();
                }
                c.setAutoCommit(true);
            } else {
                org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
                try (java.io.Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                    // the faulty rows' repeated keys would break the primary key: COPY into staging, keep the first
                    try (Statement s = c.createStatement()) {
                        s.execute("create temporary table bench_raw_load (gmsfhm text, xm text, xb text, csrq text,"
                                + " xzqh text, zz text, sjhm text)");
                    }
                    copy.copyIn("copy bench_raw_load from stdin (format csv, header)", in);
                    try (Statement s = c.createStatement()) {
                        inserted = s.executeUpdate("insert into bench_raw_sealing select distinct on (gmsfhm) * from"
                                + " bench_raw_load order by gmsfhm");
                    }
                }
            }
            double seconds = seconds(start);
            double ingest = inserted / seconds;
            System.out.printf("%-30s %,.0f rows/s (%,d rows in %.1f s)%n", "raw database, insert", ingest, inserted,
                    seconds);
            try (PreparedStatement select = c.prepareStatement("select * from bench_raw_sealing where gmsfhm = ?")) {
                double reads = reads(keys, key -> {
                    select.setString(1, key);
                    try (ResultSet rs = select.executeQuery()) {
                        return rs.next() ? rs.getString("xm") : null;
                    }
                }, "raw database");
                return new double[] { ingest, reads };
            }
        }
    }

    /** Distinct valid-looking ID numbers of the file, shuffled. */
    private static List<String> sample(Path csv, int count) throws Exception {
        List<String> all = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String id = line.substring(0, line.indexOf(','));
                if (id.length() == 18 && seen.add(id)) {
                    all.add(id);
                }
            }
        }
        Collections.shuffle(all, new Random(17));
        return new ArrayList<>(all.subList(0, Math.min(count, all.size())));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

}
