package cn.govdata.bench;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year of supervision records for many departments, written straight into the database in bulk (the
 * supervision-metrics bench and the incremental-metrics test): departments, published catalog entries,
 * update obligations met on time, late or open, datasets with weekly-ish deliveries (some late, some with rows
 * rejected), applications answered on time, late or still pending, grants with daily usage, objections,
 * cross-department discrepancies and detected violations. Every generated thing carries the timestamp of when it
 * happened, so that an incremental reading sees a day's changes as the platform would have written them.
 */
public final class SupervisionData {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String[] SHARE_TYPES = { "UNCONDITIONAL", "CONDITIONAL", "NOT_SHARED" };

    /** How much a department has in the year. */
    public record Sizes(int entries, int obligations, int datasets, int applications, int grants, int usageDays,
            int discrepancies, int objections, int violations) {

        public static Sizes ofAYear() {
            return new Sizes(40, 10, 10, 40, 15, 40, 2, 2, 3);
        }
    }

    private final JdbcTemplate jdbc;
    private final long regionId;
    private final String entryContent;
    private final Random random;
    private final LocalDate today;
    private final LocalDate yearStart;
    private long serial;

    /**
     * @param entryContent the JSON content every generated entry's version carries (a real published entry's, so
     *        that the catalog reads it)
     */
    public SupervisionData(JdbcTemplate jdbc, long regionId, String entryContent, long seed, LocalDate today) {
        this.jdbc = jdbc;
        this.regionId = regionId;
        this.entryContent = entryContent;
        this.random = new Random(seed);
        this.today = today;
        this.yearStart = today.withDayOfYear(1);
        this.serial = seed * 1_000_000;
    }

    /** New departments of the region (not the authority), by id. */
    public List<Long> departments(int count, String prefix) {
        List<Object[]> rows = new ArrayList<>();
        OffsetDateTime created = at(yearStart.minusDays(30));
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = String.format("%018d", Math.abs(random.nextLong()) % 1_000_000_000_000_000L);
            codes.add(code);
            rows.add(new Object[] { regionId, prefix + "第" + (i + 1) + "局", code, "ADMINISTRATIVE_ORGAN", created,
                    created });
        }
        jdbc.batchUpdate("""
                insert into department (region_id, name, credit_code, type, authority, created_at, updated_at)
                values (?, ?, ?, ?, false, ?, ?)""", rows);
        List<Long> ids = new ArrayList<>();
        for (String code : codes) {
            ids.add(jdbc.queryForObject("select id from department where credit_code = ?", Long.class, code));
        }
        return ids;
    }

    /** A year of records up to yesterday for the departments. */
    public void year(List<Long> departments, Sizes sizes) {
        for (long department : departments) {
            List<Long> entries = entries(department, sizes.entries(), null);
            obligations(department, sizes.obligations(), null);
            List<Long> datasets = datasets(department, entries.subList(0, Math.min(sizes.datasets(), entries.size())));
            for (long dataset : datasets) {
                deliveries(department, dataset, yearStart, today.minusDays(1));
            }
            long other = departments.get(random.nextInt(departments.size()));
            applications(department, other, entries.get(0), sizes.applications(), null);
            List<Long> grants = grants(department, other, entries.get(0), sizes.grants(), null);
            usage(grants, sizes.usageDays(), null);
            discrepancies(department, other, datasets.get(0), sizes.discrepancies(), null);
            objections(department, other, entries.get(0), sizes.objections(), null);
            violations(department, sizes.violations(), null);
        }
    }

    /**
     * A day's changes of some departments, written between {@code from} and {@code to}: a delivery on each of
     * their first three datasets, applications submitted and others answered, a grant, the day's usage, an
     * obligation met, a new obligation, an entry published and a violation.
     */
    public void day(List<Long> departments, List<Long> others, OffsetDateTime from, OffsetDateTime to) {
        for (long department : departments) {
            long other = others.get(random.nextInt(others.size()));
            List<Long> datasets = jdbc.queryForList(
                    "select id from lake_dataset where department_id = ? order by id", Long.class, department);
            for (long dataset : datasets.subList(0, Math.min(3, datasets.size()))) {
                delivery(department, dataset, between(from, to));
            }
            List<Long> entries = entries(department, 1, between(from, to));
            applications(department, other, entries.get(0), 2, between(from, to));
            for (long pending : jdbc.queryForList("""
                    select id from share_application where provider_department_id = ? and status = 'PENDING'
                    order by id fetch first 2 rows only""", Long.class, department)) {
                OffsetDateTime decided = between(from, to);
                jdbc.update("update share_application set status = 'APPROVED', stage = null, decided_at = ?, updated_at = ? where id = ?",
                        decided, decided, pending);
            }
            List<Long> grants = grants(department, other, entries.get(0), 1, between(from, to));
            usage(grants, 1, to);
            for (long open : jdbc.queryForList("""
                    select id from catalog_obligation where department_id = ? and status = 'OPEN'
                    order by id fetch first 1 rows only""", Long.class, department)) {
                OffsetDateTime met = between(from, to);
                jdbc.update("update catalog_obligation set status = 'FULFILLED', submitted_at = ?, fulfilled_at = ? where id = ?",
                        met, met, open);
            }
            obligations(department, 1, between(from, to));
            violations(department, 1, between(from, to));
        }
    }

    private List<Long> entries(long department, int count, OffsetDateTime at) {
        List<Object[]> entries = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = "GEN" + (serial++);
            codes.add(code);
            OffsetDateTime created = at != null ? at : randomTime();
            entries.add(new Object[] { code, regionId, department, created, created });
        }
        jdbc.batchUpdate("""
                insert into catalog_entry (resource_code, region_id, department_id, category, classification_code,
                    published_version, latest_version, created_at, updated_at)
                values (?, ?, ?, 'DEPARTMENT', '01001', 1, 1, ?, ?)""", entries);
        List<Long> ids = new ArrayList<>();
        List<Object[]> versions = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            long id = jdbc.queryForObject("select id from catalog_entry where resource_code = ?", Long.class, codes.get(i));
            ids.add(id);
            OffsetDateTime created = (OffsetDateTime) entries.get(i)[3];
            versions.add(new Object[] { id, entryContent, "生成的目录" + codes.get(i), SHARE_TYPES[random.nextInt(3)],
                    random.nextInt(3) == 0 ? "OPEN" : "NOT_OPEN", created, created });
        }
        jdbc.batchUpdate("""
                insert into catalog_version (entry_id, version, state, lock_version, content, name, share_type,
                    open_type, format, update_cycle, item_names, created_by, created_at, reviewed_at)
                values (?, 1, 'PUBLISHED', 0, ?, ?, ?, ?, 'DATABASE', 'WEEKLY', '', 'bench', ?, ?)""", versions);
        return ids;
    }

    private void obligations(long department, int count, OffsetDateTime at) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate trigger = at != null ? day(at) : randomDay();
            LocalDate due = trigger.plusDays(20);
            int fate = random.nextInt(3);
            OffsetDateTime submitted = fate == 2 || at != null ? null
                    : at(fate == 0 ? trigger.plusDays(random.nextInt(20)) : due.plusDays(1 + random.nextInt(10)));
            if (submitted != null && day(submitted).isAfter(today.minusDays(1))) {
                submitted = null;
            }
            rows.add(new Object[] { regionId, department, trigger, "生成的目录更新义务", due,
                    submitted == null ? "OPEN" : "FULFILLED", at != null ? at : at(trigger), submitted, submitted });
        }
        jdbc.batchUpdate("""
                insert into catalog_obligation (region_id, department_id, trigger_kind, trigger_date, description,
                    due_date, status, recorded_by, recorded_at, submitted_at, fulfilled_at)
                values (?, ?, 'LAW_CHANGED', ?, ?, ?, ?, 'bench', ?, ?, ?)""", rows);
    }

    private List<Long> datasets(long department, List<Long> entries) {
        List<Long> ids = new ArrayList<>();
        for (long entry : entries) {
            jdbc.update("""
                    insert into lake_dataset (entry_id, region_id, department_id, table_name, schema_version,
                        record_count, created_by, created_at) values (?, ?, ?, ?, 1, 0, 'bench', ?)""",
                    entry, regionId, department, "gen_" + entry, at(yearStart));
            ids.add(jdbc.queryForObject("select id from lake_dataset where entry_id = ?", Long.class, entry));
        }
        return ids;
    }

    /** Deliveries every 4 to 9 days (a weekly cycle: some late), a few with rows rejected. */
    private void deliveries(long department, long dataset, LocalDate from, LocalDate to) {
        List<Object[]> rows = new ArrayList<>();
        long records = 0;
        OffsetDateTime last = null;
        for (LocalDate day = from.plusDays(1 + random.nextInt(5)); !day.isAfter(to); day = day.plusDays(4 + random.nextInt(6))) {
            long read = 100 + random.nextInt(900);
            long accepted = random.nextInt(10) == 0 ? read - random.nextInt((int) read) : read;
            last = at(day);
            records += accepted;
            rows.add(new Object[] { dataset, department, last, last, read, accepted });
        }
        jdbc.batchUpdate("""
                insert into lake_batch (dataset_id, kind, mode, accept_valid, status, department_id, created_by,
                    created_at, finished_at, rows_read, rows_accepted)
                values (?, 'FILE', 'UPSERT', false, 'APPLIED', ?, 'bench', ?, ?, ?, ?)""", rows);
        jdbc.update("update lake_dataset set record_count = record_count + ?, last_success_at = ? where id = ?",
                records, last, dataset);
    }

    private void delivery(long department, long dataset, OffsetDateTime at) {
        long read = 100 + random.nextInt(900);
        jdbc.update("""
                insert into lake_batch (dataset_id, kind, mode, accept_valid, status, department_id, created_by,
                    created_at, finished_at, rows_read, rows_accepted)
                values (?, 'FILE', 'UPSERT', false, 'APPLIED', ?, 'bench', ?, ?, ?, ?)""",
                dataset, department, at, at, read, read);
        jdbc.update("update lake_dataset set record_count = record_count + ?, last_success_at = ? where id = ?",
                read, at, dataset);
    }

    /** Applications due 10 days after submission: answered on time, late, or pending (overdue or not yet). */
    private void applications(long provider, long applicant, long entry, int count, OffsetDateTime at) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OffsetDateTime submitted = at != null ? at : randomTime();
            LocalDate due = day(submitted).plusDays(10);
            int fate = at != null ? 2 : random.nextInt(4);
            OffsetDateTime decided = switch (fate) {
                case 0, 1 -> submitted.plusDays(random.nextInt(9));
                case 2 -> null;
                default -> submitted.plusDays(11 + random.nextInt(10));
            };
            if (decided != null && day(decided).isAfter(today.minusDays(1))) {
                decided = null;
            }
            String status = decided == null ? "PENDING" : random.nextInt(5) == 0 ? "REFUSED" : "APPROVED";
            OffsetDateTime updated = decided != null ? decided : submitted;
            // a pending application waits at the provider's stage, as the platform's own would
            String stage = "PENDING".equals(status) ? "PROVIDER" : null;
            rows.add(new Object[] { regionId, entry, "GEN" + entry, "生成的目录", provider, applicant, applicant,
                    status, stage, submitted, updated, submitted, due, decided });
        }
        jdbc.batchUpdate("""
                insert into share_application (region_id, entry_id, entry_version, resource_code, entry_name, share_type,
                    provider_department_id, applicant_department_id, applicant_kind, applicant_id, applied_by, purpose,
                    requested_scope, materials, status, stages, stage, created_at, updated_at, submitted_at, due_on,
                    decided_at)
                values (?, ?, 1, ?, ?, 'CONDITIONAL', ?, ?, 'USER', ?, 'bench', '生成的申请', '{}', '[]', ?, 'PROVIDER', ?, ?,
                    ?, ?, ?, ?)""", rows);
    }

    /** Grants on the provider's latest application (the generated ones are not tied to their own). */
    private List<Long> grants(long provider, long consumer, long entry, int count, OffsetDateTime at) {
        long application = jdbc.queryForObject(
                "select max(id) from share_application where provider_department_id = ?", Long.class, provider);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OffsetDateTime approved = at != null ? at : randomTime();
            LocalDate from = day(approved);
            LocalDate until = random.nextBoolean() ? null : from.plusDays(30 + random.nextInt(200));
            OffsetDateTime revoked = at == null && random.nextInt(10) == 0 ? approved.plusDays(5) : null;
            if (revoked != null && day(revoked).isAfter(today.minusDays(1))) {
                revoked = null;
            }
            jdbc.update("""
                    insert into share_grant (application_id, region_id, entry_id, resource_code, entry_name,
                        provider_department_id, consumer_department_id, origin, items, row_filter, ways, systems,
                        purpose, valid_from, valid_until, rate_limit, daily_quota, approved_by_department_id,
                        approved_at, revoked_at)
                    values (?, ?, ?, ?, '生成的目录', ?, ?, 'APPROVAL', '[]', '{}', 'QUERY', '[]', '生成的授权', ?, ?, 10, 10000,
                        ?, ?, ?)""", application, regionId, entry, "GEN" + entry, provider, consumer, from, until, provider, approved,
                    revoked);
            ids.add(jdbc.queryForObject("select max(id) from share_grant where provider_department_id = ?", Long.class,
                    provider));
        }
        return ids;
    }

    /** Usage on some days of the year, or on {@code day} only. */
    private void usage(List<Long> grants, int days, OffsetDateTime day) {
        List<Object[]> rows = new ArrayList<>();
        for (long grant : grants) {
            LocalDate first = jdbc.queryForObject("select valid_from from share_grant where id = ?", LocalDate.class, grant);
            java.util.Set<LocalDate> used = new java.util.HashSet<>();
            for (int i = 0; i < days; i++) {
                LocalDate on = day != null ? day(day) : first.plusDays(random.nextInt(365));
                if (!on.isAfter(today) && used.add(on)) {
                    rows.add(new Object[] { grant, on, 1 + random.nextInt(500), 1 + random.nextInt(50) });
                }
            }
        }
        jdbc.batchUpdate("insert into share_grant_usage (grant_id, usage_day, records, requests) values (?, ?, ?, ?)", rows);
    }

    private void discrepancies(long department, long other, long dataset, int count, OffsetDateTime at) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OffsetDateTime found = at != null ? at : randomTime();
            rows.add(new Object[] { regionId, "KEY" + (serial++), dataset, department, dataset, other,
                    random.nextBoolean() ? "OPEN" : "RESOLVED", found, day(found).plusDays(15) });
        }
        jdbc.batchUpdate("""
                insert into lake_discrepancy (region_id, key_standard, entity_key, dataset_a, department_a, item_a,
                    dataset_b, department_b, item_b, item_label, personal, status, found_at, due_on)
                values (?, 'GB 11643', ?, ?, ?, 'name', ?, ?, 'name', '姓名', false, ?, ?, ?)""", rows);
    }

    private void objections(long provider, long raiser, long entry, int count, OffsetDateTime at) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OffsetDateTime raised = at != null ? at : randomTime();
            rows.add(new Object[] { regionId, entry, "GEN" + entry, provider, raiser, "K" + (serial++),
                    random.nextBoolean() ? "OPEN" : "CORRECTED", raised, day(raised).plusDays(10) });
        }
        jdbc.batchUpdate("""
                insert into share_objection (region_id, entry_id, resource_code, entry_name, provider_department_id,
                    raiser_department_id, raised_by, raised_as, record_key, key_values, item, description, route, stage,
                    status, raised_at, due_on)
                values (?, ?, ?, '生成的目录', ?, ?, 'bench', 'CONSUMER', ?, '{}', 'name', '数据有误', 'PROVIDER', 'PROVIDER',
                    ?, ?, ?)""", rows);
    }

    private void violations(long department, int count, OffsetDateTime at) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OffsetDateTime detected = at != null ? at : randomTime();
            long subject = serial++;
            rows.add(new Object[] { regionId, department, "obligation:" + subject, subject, day(detected), detected });
        }
        jdbc.batchUpdate("""
                insert into supervise_violation (region_id, department_id, type, subject_key, subject_id, subject,
                    detected_on, detected_at, status)
                values (?, ?, 'CATALOG_OBLIGATION_OVERDUE', ?, ?, '生成的违规', ?, ?, 'DETECTED')""", rows);
    }

    private OffsetDateTime randomTime() {
        return at(randomDay()).plusMinutes(random.nextInt(600));
    }

    private LocalDate randomDay() {
        return yearStart.plusDays(random.nextInt((int) (today.toEpochDay() - yearStart.toEpochDay())));
    }

    private OffsetDateTime between(OffsetDateTime from, OffsetDateTime to) {
        long span = Math.max(1, java.time.Duration.between(from, to).toMillis());
        return from.plusNanos((long) (random.nextDouble() * span) * 1_000_000);
    }

    private static OffsetDateTime at(LocalDate day) {
        return day.atTime(9, 0).atZone(ZONE).toOffsetDateTime();
    }

    private static LocalDate day(OffsetDateTime time) {
        return time.atZoneSameInstant(ZONE).toLocalDate();
    }
}
