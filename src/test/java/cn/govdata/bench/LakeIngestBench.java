package cn.govdata.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.govdata.GovdataApplication;
import cn.govdata.catalog.Classification;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.DataItem.DataType;
import cn.govdata.catalog.DataItem.Sensitivity;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.LegalBasis;
import cn.govdata.catalog.ResourceFormat;
import cn.govdata.lake.ingest.LakeBenchAccess;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lake's bulk path on PostgreSQL against a plain {@code COPY}. Generates a population-like CSV (ID number
 * with valid check digit, name, sex and birth date agreeing with the ID, county division code, address, mobile
 * number; about 1 % of rows with a fault), then, in this JVM (the script caps the heap at 512 MB), loads it
 * through {@code BulkIngestion} of a running govdata context into a new dataset — header check, validation,
 * duplicate keys, staging, apply into the current table and the history — once into the empty dataset and
 * once more as an upsert of the same file. The baseline is the same file through {@code COPY … FROM STDIN
 * (FORMAT csv, HEADER)} into a table of the same seven text columns with the primary key on the ID number.
 * Not a test: run by bench/lake-ingest.sh.
 *
 * <p>Arguments: JDBC URL, user, password, rows, work directory.
 */
public final class LakeIngestBench {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅文斌宇浩";
    private static final String[] ROADS = { "人民路", "解放路", "建设路", "中山路", "和平路", "新华路", "文化路", "胜利路",
            "幸福路", "团结路", "青年路", "长江路", "黄河路", "朝阳路", "光明路" };
    private static final String[] COLUMNS = { "gmsfhm", "xm", "xb", "csrq", "xzqh", "zz", "sjhm" };

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int rows = Integer.parseInt(args[3]);
        Path work = Path.of(args[4]);
        Files.createDirectories(work);
        System.out.printf("JVM %s, max heap %d MB, %d cores%n", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());

        Path csv = work.resolve("population.csv");
        long start = System.nanoTime();
        long faulty = generate(csv, rows);
        System.out.printf("%-34s %,d rows (%,d with a fault), %,d MB, in %.1f s%n", "file generated", rows, faulty,
                Files.size(csv) >> 20, seconds(start));

        HeapWatch heap = new HeapWatch();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GovdataApplication.class)
                .logStartupInfo(false)
                .run("--spring.main.banner-mode=off", "--logging.level.root=WARN", "--server.port=0",
                        "--govdata.data-dir=" + work.resolve("data"), "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                        "--govdata.bootstrap.admin-password=Bench-Admin-2026!",
                        "--govdata.catalog.index.check-interval=365d")) {
            DataSource db = context.getBean(DataSource.class);
            long[] owner = seedEntry(db, context.getBean(JsonMapper.class));
            long datasetId = LakeBenchAccess.createDataset(context, owner[2], owner[1], owner[0]);
            System.out.printf("%-34s lake_ds_%d, heap in use after start %d MB%n", "dataset created", datasetId,
                    heap.used() >> 20);

            double first = load(context, db, datasetId, owner, csv, work, heap, "platform, first load (empty)");
            double second = load(context, db, datasetId, owner, csv, work, heap, "platform, second load (upsert)");
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select (select count(*) from lake_ds_" + datasetId + "),"
                            + " (select count(*) from lake_ds_" + datasetId + "_h),"
                            + " (select count(*) from lake_ds_" + datasetId + "_h where valid_to is null),"
                            + " (select count(*) from lake_ds_" + datasetId + "_s),"
                            + " pg_total_relation_size('lake_ds_" + datasetId + "'),"
                            + " pg_total_relation_size('lake_ds_" + datasetId + "_h')")) {
                rs.next();
                System.out.printf("%-34s current %,d rows (%,d MB), history %,d versions (%,d open, %,d MB), staging %,d%n",
                        "dataset afterwards", rs.getLong(1), rs.getLong(5) >> 20, rs.getLong(2), rs.getLong(3),
                        rs.getLong(6) >> 20, rs.getLong(4));
            }

            double raw = rawCopy(url, user, password, csv);
            System.out.printf("%-34s first load %.2f × raw COPY, upsert %.2f × raw COPY (target ≥ 0.50)%n", "ratio",
                    first / raw, second / raw);
        }
    }

    private static double load(ConfigurableApplicationContext context, DataSource db, long datasetId, long[] owner,
            Path csv, Path work, HeapWatch heap, String label) throws Exception {
        // the batch consumes its upload, and deletes it only after its report says it ended: one name per load
        Path upload = Files.createTempFile(work, "upload-", ".csv");
        Files.copy(csv, upload, StandardCopyOption.REPLACE_EXISTING);
        checkpoint(db);
        System.gc();
        heap.reset();
        long gcBefore = heap.gcMillis();
        long start = System.nanoTime();
        LakeBenchAccess.Load load = LakeBenchAccess.ingest(context, datasetId, owner[1], owner[0], upload);
        double seconds = seconds(start);
        double rate = load.read() / seconds;
        System.out.printf("%-34s %,.0f rows/s, %.1f s wall; %s: %,d read, %,d accepted, %,d rejected%s;"
                + " peak heap in use %d MB (sampled every 20 ms), GC %,d ms%n", label, rate, seconds, load.status(),
                load.read(), load.accepted(), load.rejected(), load.message() == null ? "" : " (" + load.message() + ")",
                heap.peak() >> 20, heap.gcMillis() - gcBefore);
        if (!"APPLIED".equals(load.status())) {
            throw new IllegalStateException("the batch was not applied: " + load);
        }
        return rate;
    }

    /** The same file through a plain COPY into an equivalent table: seven text columns, primary key on the ID. */
    private static double rawCopy(String url, String user, String password, Path csv) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (Statement s = c.createStatement()) {
                s.execute("drop table if exists bench_raw_population");
                s.execute("create table bench_raw_population (gmsfhm text primary key, xm text, xb text, csrq text,"
                        + " xzqh text, zz text, sjhm text)");
                try {
                    s.execute("checkpoint");
                } catch (java.sql.SQLException e) {
                    // as in checkpoint(db): without the right the run is only noisier
                }
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            long copied;
            try (InputStream in = Files.newInputStream(csv)) {
                copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_raw_population ("
                        + String.join(", ", COLUMNS) + ") from stdin (format csv, header true)", in, 1 << 16);
            }
            c.commit();
            double seconds = seconds(start);
            double rate = copied / seconds;
            System.out.printf("%-34s %,.0f rows/s, %.1f s wall; %,d rows, one transaction%n",
                    "raw COPY (csv, primary key)", rate, seconds, copied);
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("drop table bench_raw_population");
            }
            return rate;
        }
    }

    static void checkpoint(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("checkpoint");
        } catch (java.sql.SQLException e) {
            // checkpoint needs a superuser (or pg_checkpoint); without it the run is only noisier
        }
    }

    // --- the file --------------------------------------------------------------------------------------------

    /**
     * Writes the file; returns how many rows have a fault. ID numbers are distinct by construction: the k-th
     * person of a county has sequence k (its parity the sex) and, from the 500th on, a birth year after 1970.
     */
    static long generate(Path file, int rows) throws IOException {
        List<String> counties = counties();
        Random random = new Random(20261126);
        int[] perCounty = new int[counties.size()];
        long faulty = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", COLUMNS) + "\n");
            StringBuilder line = new StringBuilder(160);
            for (int i = 0; i < rows; i++) {
                int county = random.nextInt(counties.size());
                int k = perCounty[county]++;
                if (k >= 1000) {
                    throw new IllegalStateException("too many rows for distinct ID numbers");
                }
                String division = counties.get(county);
                LocalDate birth = k < 500 ? LocalDate.of(1935, 1, 1).plusDays(random.nextInt(12_700))
                        : LocalDate.of(1970, 1, 1).plusDays(random.nextInt(18_600));
                boolean male = k % 2 == 1;
                String sequence = String.format("%03d", k % 500 * 2 + (male ? 1 : 0));
                String id = LakeBenchAccess.idNumber(division + birth.toString().replace("-", "") + sequence);
                String mobile = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
                String birthText = birth.toString();
                switch (random.nextInt(300)) { // about 1 % of rows have a fault
                    case 0 -> id = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
                    case 1 -> mobile = "1234567";
                    case 2 -> birthText = birth.plusDays(1).toString();
                    default -> faulty--;
                }
                faulty++;
                line.setLength(0);
                line.append(id).append(',')
                        .append(SURNAMES.charAt(random.nextInt(SURNAMES.length())))
                        .append(GIVEN.charAt(random.nextInt(GIVEN.length())));
                if (random.nextBoolean()) {
                    line.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
                }
                line.append(',').append(male ? '1' : '2').append(',').append(birthText).append(',').append(division)
                        .append(',').append(ROADS[random.nextInt(ROADS.length)]).append(1 + random.nextInt(300))
                        .append("号").append(1 + random.nextInt(20)).append("栋").append(101 + random.nextInt(1800))
                        .append("室").append(',').append(mobile).append('\n');
                out.write(line.toString());
            }
        }
        return faulty;
    }

    /** The county-level codes of the shipped GB/T 2260 list. */
    static List<String> counties() throws IOException {
        List<String> codes = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                LakeIngestBench.class.getResourceAsStream("/org/divisions/areas.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                String code = line.substring(0, line.indexOf(','));
                if (!code.endsWith("00")) {
                    codes.add(code);
                }
            }
        }
        return codes;
    }

    // --- the published entry ----------------------------------------------------------------------------------

    /** A region, the public security bureau and its published population entry; returns {region, department, entry}. */
    static long[] seedEntry(DataSource db, JsonMapper json) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Random random = new Random();
        List<DataItem> items = List.of(
                new DataItem("gmsfhm", "公民身份号码", DataType.CHARACTER, 18, true, true, "GB 11643-1999",
                        Sensitivity.PERSONAL_INFORMATION),
                new DataItem("xm", "姓名", DataType.CHARACTER, 50, true, false, null, Sensitivity.PERSONAL_INFORMATION),
                new DataItem("xb", "性别", DataType.CHARACTER, 1, false, false, "GB/T 2261.1", null),
                new DataItem("csrq", "出生日期", DataType.DATE, null, false, false, null, null),
                new DataItem("xzqh", "行政区划代码", DataType.CHARACTER, 6, true, false, "GB/T 2260", null),
                new DataItem("zz", "住址", DataType.CHARACTER, 100, false, false, null, Sensitivity.PERSONAL_INFORMATION),
                new DataItem("sjhm", "手机号码", DataType.CHARACTER, 11, false, false, "手机号码",
                        Sensitivity.PERSONAL_INFORMATION));
        LegalBasis basis = new LegalBasis(LegalBasis.Kind.LAW, "中华人民共和国个人信息保护法", "第三十四条");
        Classification classification = new Classification(Classification.Category.BASE, "01", "001", null);
        EntryContent content = new EntryContent("户籍人口基本信息", classification,
                "本资源记录基准测试市公安局户籍管理工作中形成的户籍人口基本情况，包括公民身份号码、姓名和住址等7项内容。",
                ResourceFormat.DATABASE, "PostgreSQL", LocalDate.of(2026, 1, 1), List.of(), false, items,
                ShareType.CONDITIONAL, "用于人口服务管理", EntryContent.ShareMethod.PLATFORM_INTERFACE, List.of("用途说明"),
                basis, OpenType.NOT_OPEN, null, basis, EntryContent.UpdateCycle.DAILY);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            long region = insertReturningId(c, "insert into region (division_code, name, level, created_at) values (?,"
                    + " '基准测试市', 'CITY', ?)", String.valueOf(100000 + random.nextInt(800000)), now);
            String credit = ("11" + Long.toString(Math.abs(random.nextLong()), 36).toUpperCase() + "0000000000000000")
                    .substring(0, 18);
            long department = insertReturningId(c, "insert into department (region_id, name, credit_code, type,"
                    + " created_at, updated_at) values (?, '基准测试市公安局', ?, 'ADMINISTRATIVE_ORGAN', ?, ?)", region, credit,
                    now, now);
            long entry = insertReturningId(c, """
                    insert into catalog_entry (resource_code, region_id, department_id, category, classification_code,
                        retired, published_version, latest_version, local_consent, created_at, updated_at)
                    values (?, ?, ?, ?, ?, false, 1, 1, false, ?, ?)""", classification.code() + "/L" + region, region,
                    department, classification.category().name(), classification.code(), now, now);
            try (PreparedStatement version = c.prepareStatement("""
                    insert into catalog_version (entry_id, version, state, lock_version, content, name, share_type,
                        open_type, format, update_cycle, created_by, created_at, submitted_by, submitted_at,
                        reviewed_by, reviewed_at, item_names)
                    values (?, 1, 'PUBLISHED', 0, ?, ?, ?, ?, ?, ?, 'bench', ?, 'bench', ?, 'bench', ?, ?)""")) {
                version.setLong(1, entry);
                version.setString(2, json.writeValueAsString(content));
                version.setString(3, content.name());
                version.setString(4, content.shareType().name());
                version.setString(5, content.openType().name());
                version.setString(6, content.format().name());
                version.setString(7, content.updateCycle().name());
                version.setObject(8, now);
                version.setObject(9, now);
                version.setObject(10, now);
                version.setString(11, String.join("\n", new java.util.TreeSet<>(items.stream()
                        .map(DataItem::chineseName).toList())));
                version.executeUpdate();
            }
            c.commit();
            return new long[] { region, department, entry };
        }
    }

    private static long insertReturningId(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] { "id" })) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The most heap in use, sampled every 20 ms, and the collectors' time. */
    private static final class HeapWatch {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();

        HeapWatch() {
            Thread sampler = Thread.ofPlatform().daemon().name("heap-watch").start(() -> {
                while (true) {
                    peak.accumulateAndGet(used(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setPriority(Thread.MAX_PRIORITY);
        }

        long used() {
            return memory.getHeapMemoryUsage().getUsed();
        }

        void reset() {
            peak.set(used());
        }

        long peak() {
            return peak.get();
        }

        long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }
    }
}
