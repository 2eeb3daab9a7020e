package cn.govdata.supervise.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.govdata.bench.SupervisionData;
import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.org.Directory;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The metric inputs kept per department (issue #14): after random changes written as the modules write them, an
 * incremental run reads again only the departments that changed, and leaves the table as a full recompute
 * from every record would.
 */
class IncrementalMetricsTest extends CatalogFixtures {

    @Autowired
    private MetricFacts facts;
    @Autowired
    private MetricValues values;
    @Autowired
    private Directory directory;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private WorkingDayCalendar calendar;

    private long regionId;
    private int year;
    private LocalDate today;
    private SupervisionData data;
    private List<Long> departments;

    @BeforeEach
    void setUp() {
        setUpCatalog();
        // the generated year of records lives in a county of its own, out of the way of every other test's region
        regionId = county(homeRegionId(admin), "370686");
        today = calendar.today();
        year = today.getYear();
        // every generated entry carries the content of a real published one, so that the catalog reads it
        long entry = published(newEditor("增量指标模板局"), content("增量指标模板" + unique())).id();
        String content = jdbc.queryForObject("select content from catalog_version where entry_id = ? and version = 1",
                String.class, entry);
        long seed = new Random().nextInt(1000) + 1;
        data = new SupervisionData(jdbc, regionId, content, seed, today);
        departments = data.departments(8, "增量指标" + unique());
        data.year(departments, new SupervisionData.Sizes(6, 3, 2, 6, 3, 5, 1, 1, 2));
    }

    private long county(long city, String divisionCode) {
        for (JsonNode region : admin.get("/api/v1/regions").json()) {
            if (divisionCode.equals(region.get("divisionCode").asString())) {
                return region.get("id").asLong();
            }
        }
        Api.Response created = admin.post("/api/v1/regions",
                Map.of("divisionCode", divisionCode, "parentId", city));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.id();
    }

    @Test
    void anIncrementalRunAfterRandomChangesReadsTheChangedDepartmentsOnlyAndEqualsAFullRecompute() {
        assertThat(facts.recompute(regionId, year).kind()).isEqualTo("FULL");
        assertThat(storedEqualsRecords()).isTrue();
        Random random = new Random();
        // within the overlap (30 s) a run reads again what earlier runs read: here every round's changes
        Set<Long> changedSoFar = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            List<Long> changed = new ArrayList<>(departments);
            java.util.Collections.shuffle(changed, random);
            changed = changed.subList(0, 1 + random.nextInt(3));
            changedSoFar.addAll(changed);
            OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC);
            data.day(changed, departments, from, from.plusSeconds(1));
            OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC);

            MetricFacts.Run run = facts.refresh(regionId, year);

            assertThat(run.kind()).isEqualTo("INCREMENTAL");
            Set<Long> touched = new HashSet<>(jdbc.queryForList("""
                    select distinct department_id from supervise_metric_fact
                    where region_id = ? and metric_year = ? and computed_at >= ?""", Long.class, regionId, year, before));
            assertThat(touched).containsAll(changed);
            Set<Long> untouched = new HashSet<>(departments);
            untouched.removeAll(changedSoFar);
            assertThat(touched).doesNotContainAnyElementsOf(untouched);
            assertThat(storedEqualsRecords()).as("round %d, changed %s", round, changed).isTrue();
        }
    }

    @Test
    void anApplicationOrObligationFallingOverdueSinceTheLastRunIsReadAgainThoughNothingWasWritten() {
        facts.recompute(regionId, year);
        long department = departments.get(0);
        long other = departments.get(1);
        // records written long ago that fell due yesterday, as if the last run had been three days ago
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(40);
        jdbc.update("""
                insert into catalog_obligation (region_id, department_id, trigger_kind, trigger_date, description,
                    due_date, status, recorded_by, recorded_at) values (?, ?, 'LAW_CHANGED', ?, '到期未更新', ?, 'OPEN',
                    'test', ?)""", regionId, department, today.minusDays(30), today.minusDays(1), longAgo);
        jdbc.update("""
                insert into share_application (region_id, entry_id, entry_version, resource_code, entry_name, share_type,
                    provider_department_id, applicant_department_id, applicant_kind, applicant_id, applied_by, purpose,
                    requested_scope, materials, status, stages, stage, stage_started_at, created_at, updated_at,
                    submitted_at, due_on)
                values (?, ?, 1, 'X', '到期未答复', 'CONDITIONAL', ?, ?, 'USER', ?, 'test', '用途', '{}', '[]', 'PENDING',
                    'PROVIDER', 'PROVIDER', ?, ?, ?, ?, ?)""", regionId, entryOf(other), other, department, department, longAgo, longAgo, longAgo,
                longAgo, today.minusDays(1));
        jdbc.update("update supervise_metric_run set last_day = ? where region_id = ? and metric_year = ?",
                today.minusDays(3), regionId, year);
        assertThat(storedEqualsRecords()).isFalse();

        MetricFacts.Run run = facts.refresh(regionId, year);

        assertThat(run.kind()).isEqualTo("INCREMENTAL");
        assertThat(storedEqualsRecords()).isTrue();
    }

    @Test
    void aRunWithNothingChangedReadsNoDepartment() {
        facts.recompute(regionId, year);
        // past the overlap with which a run reads again what was written just before the last one
        jdbc.update("update supervise_metric_run set changes_since = ? where region_id = ? and metric_year = ?",
                OffsetDateTime.now(ZoneOffset.UTC), regionId, year);
        MetricFacts.Run run = facts.refresh(regionId, year);
        assertThat(run).isEqualTo(new MetricFacts.Run("INCREMENTAL", 0));
    }

    private long entryOf(long department) {
        return jdbc.queryForObject("select min(id) from catalog_entry where department_id = ?", Long.class, department);
    }

    @Test
    void readersArrivingTogetherRunOnce() {
        facts.refresh(regionId, year);
        assertThat(facts.refreshOlderThan(regionId, year, java.time.Duration.ofHours(1)))
                .isEqualTo(new MetricFacts.Run("NONE", 0));
        assertThat(facts.refreshOlderThan(regionId, year, java.time.Duration.ZERO).kind()).isEqualTo("INCREMENTAL");
    }

    @Test
    void oneNodeOfAClusterClaimsEachScheduledSlot() {
        long slot = System.currentTimeMillis(); // later than any slot of the schedule (minutes since 1970)
        assertThat(facts.claim(regionId, year, slot)).isTrue();
        assertThat(facts.claim(regionId, year, slot)).isFalse();
        assertThat(facts.claim(regionId, year, slot + 1)).isTrue();
        jdbc.update("update supervise_metric_run set claimed_slot = null where region_id = ? and metric_year = ?",
                regionId, year);
    }

    /** Whether the table holds, for every department of the region, the sums of its records read afresh. */
    private boolean storedEqualsRecords() {
        MetricValues.Evidence evidence = values.evidence(regionId, year, null);
        Map<Long, Map<Metric, MetricTotals>> stored = facts.stored(regionId, year);
        Set<Long> all = new HashSet<>(evidence.byDepartment().keySet());
        all.addAll(stored.keySet());
        directory.departments(regionId).forEach(d -> all.add(d.id()));
        for (long department : all) {
            Map<Metric, MetricTotals> fresh = new HashMap<>(MetricValues.totals(evidence, department));
            fresh.values().removeIf(t -> t.records() == 0);
            if (!fresh.equals(stored.getOrDefault(department, Map.of()))) {
                return false;
            }
        }
        return true;
    }
}
