package cn.govdata.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.govdata.GovdataApplication;
import cn.govdata.catalog.Classification;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.LegalBasis;
import cn.govdata.catalog.ResourceFormat;
import cn.govdata.catalog.search.CatalogBenchAccess;
import cn.govdata.catalog.search.CatalogBenchAccess.Query;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search latency of the published catalog at scale: govdata's search (Lucene, word-level Chinese analysis,
 * facets) against the raw database doing the same work ({@code LIKE '%词%'} per word over the entry's content
 * with the same filters, {@code count(*)}, the first page by code, and a {@code count(*) group by} per facet).
 * Generates plausible entries straight into the database of a running govdata, times the index rebuild, then
 * runs the same mixed queries (Chinese words, some with facet filters, some filters only) single-threaded and
 * from 8 threads. Not a test: run by bench/catalog-search.sh.
 *
 * <p>Arguments: JDBC URL, user, password, entries, queries, seconds budget per raw-database run, data dir.
 */
public final class CatalogSearchBench {

    private static final int SEED = 20261125;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int entries = Integer.parseInt(args[3]);
        int queryCount = Integer.parseInt(args[4]);
        int dbSeconds = Integer.parseInt(args[5]);
        Path dataDir = Path.of(args[6]);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GovdataApplication.class)
                .logStartupInfo(false)
                // as command-line arguments, so that they win over application.yml
                .run("--spring.main.banner-mode=off", "--logging.level.root=WARN", "--server.port=0",
                        "--govdata.data-dir=" + dataDir, "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + args[1], "--spring.datasource.password=" + args[2],
                        "--spring.datasource.hikari.maximum-pool-size=12",
                        "--govdata.bootstrap.admin-password=Bench-Admin-2026!",
                        "--govdata.catalog.index.check-interval=365d")) {
            DataSource db = context.getBean(DataSource.class);
            JsonMapper json = context.getBean(JsonMapper.class);

            long start = System.nanoTime();
            Seeded seeded = seed(db, json, entries, null);
            double seedSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-40s %d entries (%d published, %d retired, %d drafts), %d departments, in %.1f s%n",
                    "data generated", entries, seeded.published, seeded.retired, seeded.drafts,
                    seeded.departments.length, seedSeconds);

            start = System.nanoTime();
            long documents = CatalogBenchAccess.rebuild(context);
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-40s %d documents in %.1f s (%.0f entries/s), %.0f MB on disk%n", "index build (rebuild)",
                    documents, buildSeconds, documents / buildSeconds, CatalogBenchAccess.indexBytes(context) / 1e6);

            List<Query> queries = queries(new Random(SEED + 1), queryCount, seeded.departments);
            long region = seeded.region;
            ToLongFunction<Query> govdata = q -> CatalogBenchAccess.search(context, region, q);
            ToLongFunction<Query> raw = q -> rawSearch(db, region, q);

            int agree = 0;
            int compared = Math.min(20, queries.size());
            for (int i = 0; i < compared; i++) {
                if (govdata.applyAsLong(queries.get(i)) == raw.applyAsLong(queries.get(i))) {
                    agree++;
                }
            }
            System.out.printf("%-40s %d of %d queries (differences: department names and words split differently)%n",
                    "same total hits as the raw database", agree, compared);

            run("warm-up", 1, queries.subList(0, Math.min(500, queries.size())), govdata, 0, false);
            System.out.printf("%-36s %8s %9s %11s %9s %12s %10s%n", "run", "threads", "queries", "median ms", "p99 ms",
                    "queries/s", "mean hits");
            run("govdata search (Lucene)", 1, queries, govdata, 0, true);
            run("govdata search (Lucene)", 8, queries, govdata, 0, true);
            run("raw SQL (LIKE, count, group by)", 1, queries, raw, dbSeconds, true);
            run("raw SQL (LIKE, count, group by)", 8, queries, raw, dbSeconds, true);
        }
    }

    // --- measuring -----------------------------------------------------------------------------------------

    /** Runs the queries in order from the given threads (until the budget, if any); prints the latencies. */
    static <T> void run(String name, int threads, List<T> queries, ToLongFunction<T> work, int seconds,
            boolean print) throws Exception {
        long[] latencies = new long[queries.size()];
        long[] hits = new long[queries.size()];
        AtomicInteger next = new AtomicInteger();
        long deadline = seconds > 0 ? System.nanoTime() + seconds * 1_000_000_000L : Long.MAX_VALUE;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < queries.size()) {
                    long begin = System.nanoTime();
                    hits[i] = work.applyAsLong(queries.get(i));
                    latencies[i] = System.nanoTime() - begin;
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (!print) {
            return;
        }
        long[] measured = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        int n = measured.length;
        double meanHits = java.util.stream.IntStream.range(0, queries.size()).filter(i -> latencies[i] > 0)
                .mapToLong(i -> hits[i]).average().orElse(0);
        System.out.printf("%-36s %8d %9d %11.2f %9.2f %12.1f %10.0f%n", name, threads, n,
                measured[n / 2] / 1e6, measured[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6, n / elapsed,
                meanHits);
    }

    // --- the raw database doing the same work --------------------------------------------------------------

    private static final String[] FACET_COLUMNS = { "cast(e.department_id as varchar(20))", "e.category",
            "substr(e.classification_code, 1, 3)", "v.share_type", "v.open_type", "v.format", "v.update_cycle" };

    private static long rawSearch(DataSource db, long region, Query q) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" from catalog_entry e join catalog_version v on v.entry_id = e.id"
                + " and v.version = e.published_version where e.region_id = ? and e.retired = false");
        args.add(region);
        for (String word : q.q().isBlank() ? new String[0] : q.q().split(" ")) {
            where.append(" and v.content like ?");
            args.add("%" + word + "%");
        }
        filter(where, args, "e.department_id", q.departmentId());
        filter(where, args, "e.category", q.category());
        filter(where, args, "v.share_type", q.shareType());
        filter(where, args, "v.format", q.format());
        filter(where, args, "v.update_cycle", q.updateCycle());
        StringBuilder facets = new StringBuilder();
        List<Object> facetArgs = new ArrayList<>();
        for (int i = 0; i < FACET_COLUMNS.length; i++) {
            facets.append(i == 0 ? "" : " union all ").append("select ").append(i).append(", ")
                    .append(FACET_COLUMNS[i]).append(", count(*)").append(where).append(" group by ")
                    .append(FACET_COLUMNS[i]);
            facetArgs.addAll(args);
        }
        try (Connection c = db.getConnection()) {
            long total;
            try (PreparedStatement ps = prepare(c, "select count(*)" + where, args); ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            try (PreparedStatement ps = prepare(c, "select e.id, e.resource_code, v.name, v.content, e.department_id,"
                    + " v.share_type, v.open_type, v.format, v.update_cycle" + where
                    + " order by e.resource_code limit 20", args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(4);
                }
            }
            try (PreparedStatement ps = prepare(c, facets.toString(), facetArgs); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(3);
                }
            }
            return total;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void filter(StringBuilder where, List<Object> args, String column, Object value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws Exception {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
        return ps;
    }

    // --- queries -------------------------------------------------------------------------------------------

    /**
     * Mixed queries: one Chinese word (55 %), two words (20 %), a word with one or two facet filters (15 %), and
     * filters only, browsing by code (10 %). Words come from the same vocabularies as the entries, so most
     * queries find something and some find a lot.
     */
    static List<Query> queries(Random random, int count, long[] departments) {
        List<String> words = new ArrayList<>();
        words.addAll(List.of(OBJECTS));
        words.addAll(List.of(ACTIONS));
        for (String[] item : ITEMS) {
            words.add(item[1]);
        }
        words.addAll(List.of("抵押", "许可", "网格", "补贴", "信用", "监测", "执法", "档案", "经营", "统计"));
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(100);
            String q = pick(random, words);
            if (kind >= 55 && kind < 75) {
                q = q + " " + pick(random, words);
            }
            Long department = null;
            String category = null;
            String share = null;
            String format = null;
            String cycle = null;
            if (kind >= 75) {
                if (kind >= 90) {
                    q = "";
                }
                int filters = 1 + random.nextInt(2);
                for (int f = 0; f < filters; f++) {
                    switch (random.nextInt(5)) {
                        case 0 -> department = departments[random.nextInt(departments.length)];
                        case 1 -> category = Classification.Category.values()[random.nextInt(3)].name();
                        case 2 -> share = ShareType.values()[random.nextInt(3)].name();
                        case 3 -> format = ResourceFormat.values()[random.nextInt(ResourceFormat.values().length)].name();
                        default -> cycle = EntryContent.UpdateCycle.values()[random.nextInt(8)].name();
                    }
                }
            }
            queries.add(new Query(q, department, category, share, format, cycle));
        }
        return queries;
    }

    // --- generating entries --------------------------------------------------------------------------------

    record Seeded(long region, long[] departments, long published, long retired, long drafts) {
    }

    private static final String[] DEPARTMENTS = { "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局",
            "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局",
            "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局", "林业局", "教育局",
            "科学技术局", "工业和信息化局", "税务局", "城市管理局", "行政审批服务局", "住房公积金管理中心", "气象局", "体育局",
            "民族宗教事务局", "海洋发展和渔业局", "地方金融监督管理局", "粮食和物资储备局", "档案馆", "信访局", "人民防空办公室",
            "机关事务管理局", "供销合作社", "残疾人联合会" };

    private static final String[] OBJECTS = { "企业", "个体工商户", "社会组织", "医疗机构", "学校", "幼儿园", "道路", "桥梁",
            "河道", "水库", "森林", "耕地", "房屋", "不动产", "机动车", "驾驶人", "船舶", "药品", "食品", "特种设备", "危险化学品",
            "建设工程", "养老机构", "低保对象", "残疾人", "退役军人", "纳税人", "参保人员", "专利", "商标", "农产品", "旅游景区",
            "文物", "渔船", "网约车", "出租汽车", "公共场所", "污染源", "排污单位", "地质灾害隐患点", "消防设施", "住房公积金",
            "城市部件", "公交线路", "供水管网", "燃气用户", "律师事务所", "社区矫正对象", "流动人口", "户籍人口" };

    private static final String[] ACTIONS = { "登记", "许可", "备案", "检查", "行政处罚", "审批", "年报", "监测", "统计",
            "补贴发放", "信用评价", "注销", "变更", "核查", "认定", "巡查", "投诉举报", "抽检", "评估", "验收" };

    private static final String[] SUFFIXES = { "信息", "记录", "数据", "名录", "台账", "明细", "目录", "情况" };

    /** Data items: identifier, Chinese name, type. */
    private static final String[][] ITEMS = { { "credit_code", "统一社会信用代码", "CHARACTER" },
            { "org_name", "单位名称", "CHARACTER" }, { "legal_rep", "法定代表人", "CHARACTER" },
            { "reg_date", "登记日期", "DATE" }, { "address", "住所", "CHARACTER" }, { "phone", "联系电话", "CHARACTER" },
            { "id_no", "公民身份号码", "CHARACTER" }, { "person_name", "姓名", "CHARACTER" }, { "gender", "性别", "CHARACTER" },
            { "birth_date", "出生日期", "DATE" }, { "licence_no", "许可证编号", "CHARACTER" },
            { "valid_from", "有效期起始日期", "DATE" }, { "valid_to", "有效期截止日期", "DATE" },
            { "issuer", "发证机关", "CHARACTER" }, { "division_code", "行政区划代码", "CHARACTER" },
            { "longitude", "经度", "DOUBLE" }, { "latitude", "纬度", "DOUBLE" }, { "area", "占地面积", "NUMERIC" },
            { "amount", "金额", "CURRENCY" }, { "check_result", "检查结果", "CHARACTER" },
            { "decision_no", "处罚决定书文号", "CHARACTER" }, { "remark", "备注", "MEMO" }, { "status", "状态", "CHARACTER" },
            { "updated_at", "更新时间", "DATETIME" }, { "business_scope", "经营范围", "MEMO" },
            { "registered_capital", "注册资本", "CURRENCY" }, { "plate_no", "号牌号码", "CHARACTER" },
            { "vin", "车辆识别代号", "CHARACTER" }, { "household_no", "户号", "CHARACTER" },
            { "grid", "所属网格", "CHARACTER" }, { "inspector", "检查人员", "CHARACTER" },
            { "subsidy_amount", "补贴金额", "CURRENCY" }, { "bank_account", "银行账号", "CHARACTER" },
            { "mortgage", "抵押状态", "CHARACTER" }, { "approval_no", "批准文号", "CHARACTER" },
            { "category_code", "类别代码", "CHARACTER" }, { "credit_level", "信用等级", "CHARACTER" },
            { "monitor_value", "监测值", "NUMERIC" }, { "sample_no", "样品编号", "CHARACTER" },
            { "complaint", "投诉内容", "MEMO" } };

    private static final String[] SYSTEMS = { "业务审批系统", "综合监管平台", "行政执法系统", "一网通办平台", "政务服务平台",
            "数据采集系统", "网格化管理平台", "信用信息平台" };

    private static final String[] ASPECTS = { "办理结果", "主体基本情况", "时间和地点", "处理意见", "变更历史", "空间位置",
            "责任单位", "资金使用" };

    /** Generates entries of a new region straight into the database; with {@code openType}, every entry has it. */
    static Seeded seed(DataSource db, JsonMapper json, int entries, OpenType openType) throws Exception {
        Random random = new Random(SEED);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            long region = insertReturningId(c, "insert into region (division_code, name, level, created_at) values ('"
                    + (100000 + random.nextInt(800000) + (int) (System.nanoTime() % 97)) + "', '基准测试市', 'CITY', ?)", now);
            long[] departments = new long[DEPARTMENTS.length];
            for (int i = 0; i < DEPARTMENTS.length; i++) {
                String credit = ("11" + Long.toString(Math.abs(random.nextLong()), 36).toUpperCase() + "0000000000000000")
                        .substring(0, 18);
                departments[i] = insertReturningId(c, "insert into department (region_id, name, credit_code, type, "
                        + "created_at, updated_at) values (" + region + ", '基准测试市" + DEPARTMENTS[i] + "', '" + credit
                        + "', 'ADMINISTRATIVE_ORGAN', ?, ?)", now, now);
            }
            c.commit();
            long firstId;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from catalog_entry")) {
                rs.next();
                firstId = rs.getLong(1) + 1;
            }
            long published = 0;
            long retired = 0;
            long drafts = 0;
            try (PreparedStatement entry = c.prepareStatement("""
                    insert into catalog_entry (id, resource_code, region_id, department_id, category, classification_code,
                        retired, retired_reason, retired_at, published_version, latest_version, local_consent, created_at,
                        updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, false, ?, ?)""");
                    PreparedStatement version = c.prepareStatement("""
                            insert into catalog_version (entry_id, version, state, lock_version, content, name, share_type,
                                open_type, format, update_cycle, created_by, created_at, submitted_by, submitted_at,
                                reviewed_by, reviewed_at, item_names)
                            values (?, 1, ?, 0, ?, ?, ?, ?, ?, ?, 'bench', ?, ?, ?, ?, ?, ?)""")) {
                for (int n = 0; n < entries; n++) {
                    long id = firstId + n;
                    int dept = random.nextInt(departments.length);
                    Classification classification = classification(random);
                    EntryContent content = content(random, dept, classification, openType);
                    boolean draft = random.nextInt(100) < 2;
                    boolean isRetired = !draft && random.nextInt(100) < 3;
                    drafts += draft ? 1 : 0;
                    retired += isRetired ? 1 : 0;
                    published += !draft && !isRetired ? 1 : 0;
                    entry.setLong(1, id);
                    entry.setString(2, classification.code() + "/" + String.format("%07d", id));
                    entry.setLong(3, region);
                    entry.setLong(4, departments[dept]);
                    entry.setString(5, classification.category().name());
                    entry.setString(6, classification.code());
                    entry.setBoolean(7, isRetired);
                    entry.setString(8, isRetired ? "职能调整" : null);
                    entry.setObject(9, isRetired ? now : null);
                    entry.setObject(10, draft ? null : 1);
                    entry.setObject(11, now);
                    entry.setObject(12, now);
                    entry.addBatch();
                    version.setLong(1, id);
                    version.setString(2, draft ? "DRAFT" : "PUBLISHED");
                    version.setString(3, json.writeValueAsString(content));
                    version.setString(4, content.name());
                    version.setString(5, content.shareType().name());
                    version.setString(6, content.openType().name());
                    version.setString(7, content.format().name());
                    version.setString(8, content.updateCycle().name());
                    version.setObject(9, now);
                    version.setString(10, draft ? null : "bench");
                    version.setObject(11, draft ? null : now);
                    version.setString(12, draft ? null : "bench");
                    version.setObject(13, draft ? null : now);
                    // as the platform stores them beside each version, for duplicate detection
                    version.setString(14, String.join("\n", new java.util.TreeSet<>(content.dataItems().stream()
                            .map(cn.govdata.catalog.DataItem::chineseName).toList())));
                    version.addBatch();
                    if (n % 1000 == 999 || n == entries - 1) {
                        entry.executeBatch();
                        version.executeBatch();
                        c.commit();
                    }
                }
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("alter table catalog_entry alter column id restart with " + (firstId + entries));
            }
            try (Statement s = c.createStatement()) {
                s.execute("analyze"); // statistics for the raw baseline's planner
            }
            return new Seeded(region, departments, published, retired, drafts);
        }
    }

    private static Classification classification(Random random) {
        int kind = random.nextInt(100);
        if (kind < 20) {
            return new Classification(Classification.Category.BASE, String.format("%02d", 1 + random.nextInt(6)),
                    String.format("%03d", 1 + random.nextInt(5)), null);
        }
        if (kind < 30) {
            return new Classification(Classification.Category.THEMATIC, String.format("%02d", 1 + random.nextInt(11)),
                    String.format("%03d", 1 + random.nextInt(5)), null);
        }
        return new Classification(Classification.Category.DEPARTMENT, String.format("%02d", 1 + random.nextInt(5)),
                String.format("%03d", 1 + random.nextInt(20)), null);
    }

    private static EntryContent content(Random random, int dept, Classification classification, OpenType forced) {
        // each department keeps to a band of objects, so department names and words correlate as in life
        String object = OBJECTS[(dept * 7 + random.nextInt(9)) % OBJECTS.length];
        String action = pick(random, ACTIONS);
        String name = object + action + pick(random, SUFFIXES);
        int itemCount = 5 + random.nextInt(16);
        List<DataItem> items = new ArrayList<>();
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < itemCount) {
            int i = random.nextInt(ITEMS.length);
            if (!chosen.contains(i)) {
                chosen.add(i);
                String[] item = ITEMS[i];
                DataItem.DataType type = DataItem.DataType.valueOf(item[2]);
                items.add(new DataItem(item[0], item[1], type, type == DataItem.DataType.CHARACTER ? 100 : null,
                        random.nextBoolean(), chosen.size() == 1, null, DataItem.Sensitivity.NONE));
            }
        }
        String summary = "本资源记录基准测试市" + DEPARTMENTS[dept] + "在" + object + action + "工作中形成的"
                + pick(random, ASPECTS) + "，包括" + items.get(0).chineseName() + "、" + items.get(1).chineseName() + "和"
                + items.get(2).chineseName() + "等" + itemCount + "项内容，数据来源于" + pick(random, SYSTEMS) + "。";
        int shareRoll = random.nextInt(100);
        ShareType share = shareRoll < 60 ? ShareType.UNCONDITIONAL
                : shareRoll < 90 ? ShareType.CONDITIONAL : ShareType.NOT_SHARED;
        int openRoll = random.nextInt(100);
        OpenType open = forced != null ? forced
                : openRoll < 30 ? OpenType.OPEN : openRoll < 50 ? OpenType.CONDITIONAL_OPEN : OpenType.NOT_OPEN;
        ResourceFormat format = ResourceFormat.values()[random.nextInt(ResourceFormat.values().length)];
        String subFormat = format.subFormats().isEmpty() ? null : format.subFormats().get(random.nextInt(format.subFormats().size()));
        EntryContent.UpdateCycle cycle = EntryContent.UpdateCycle.values()[random.nextInt(8)];
        LegalBasis basis = new LegalBasis(LegalBasis.Kind.LAW, "中华人民共和国数据安全法", "第三十八条");
        return new EntryContent(name, classification, summary, format, subFormat, LocalDate.of(2024, 1, 1)
                .plusDays(random.nextInt(700)), List.of(), false, items, share,
                share == ShareType.CONDITIONAL ? "用于" + object + "监管" : null,
                share == ShareType.NOT_SHARED ? null : EntryContent.ShareMethod.PLATFORM_INTERFACE,
                share == ShareType.CONDITIONAL ? List.of("用途说明") : List.of(), share == ShareType.UNCONDITIONAL ? null : basis,
                open, open == OpenType.CONDITIONAL_OPEN ? "经申请审核" : null, open == OpenType.NOT_OPEN ? basis : null, cycle);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
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
}
