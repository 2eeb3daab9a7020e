package cn.govdata.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The supervision dashboard's data (issue #14): trends per metric and the comparison with the region agree with the
 * scorecards; overdue work counted per kind by working days overdue; a department reads only its own, the
 * authority and an assessor the region's.
 */
class SupervisionDashboardApiTest extends CatalogFixtures {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String BASE = "/api/v1/supervision/dashboard";

    private Dept late;
    private LoggedIn editor;

    @BeforeEach
    void setUp() {
        admin = admin();
        // a department whose catalog obligation, triggered 60 days ago, is long overdue, and detected as a violation
        late = newDepartment(admin, "看板测试局");
        editor = newUser(admin, late.id(), Role.CATALOG_EDITOR);
        Api.Response recorded = editor.api().post("/api/v1/catalog/obligations", Map.of("trigger", "LAW_CHANGED",
                "triggerDate", TODAY.minusDays(60).toString(), "description", "条例修订" + unique()));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(admin.post("/api/v1/supervision/detect", Map.of()).status()).isEqualTo(200);
    }

    private static JsonNode metric(JsonNode list, String key) {
        for (JsonNode metric : list) {
            if (metric.get("metric").asString().equals(key)) {
                return metric;
            }
        }
        throw new AssertionError("no metric " + key + " in " + list);
    }

    private static JsonNode last(JsonNode values) {
        return values.get(values.size() - 1);
    }

    private JsonNode card(Api api, int year, long departmentId) {
        for (JsonNode card : api.get("/api/v1/supervision/scorecards?year=" + year).json()) {
            if (card.get("departmentId").asLong() == departmentId) {
                return card;
            }
        }
        throw new AssertionError("no card of " + departmentId);
    }

    @Test
    void trendsPerMetricMatchTheScorecardsForTheRegionAndTheDepartment() {
        int year = TODAY.getYear();
        JsonNode region = admin.get("/api/v1/supervision/scorecards/region?year=" + year).json().get("metrics");

        Api.Response regionTrends = admin.get(BASE + "/trends");
        assertThat(regionTrends.status()).as(regionTrends.body()).isEqualTo(200);
        JsonNode trends = regionTrends.json();
        assertThat(absent(trends, "departmentId")).isTrue();
        assertThat(last(trends.get("years")).asInt()).isEqualTo(year);
        JsonNode violations = metric(trends.get("metrics"), "violations");
        assertThat(violations.get("label").asString()).isEqualTo("违规次数");
        assertThat(last(violations.get("region")).asDouble()).isEqualTo(region.get("violations").asDouble());
        assertThat(absent(violations, "department")).isTrue();

        // the department's own user reads its own line beside the region's, without asking for it
        Api.Response own = editor.api().get(BASE + "/trends");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("departmentId").asLong()).isEqualTo(late.id());
        JsonNode ownViolations = metric(own.json().get("metrics"), "violations");
        assertThat(last(ownViolations.get("department")).asDouble())
                .isEqualTo(card(admin, year, late.id()).get("metrics").get("violations").asDouble())
                .isEqualTo(1.0);
        assertThat(last(ownViolations.get("region")).asDouble()).isEqualTo(region.get("violations").asDouble());
        // and no other department's
        Dept other = newDepartment(admin, "看板旁观局");
        assertThat(editor.api().get(BASE + "/trends?departmentId=" + other.id()).status()).isEqualTo(403);
        assertThat(admin.get(BASE + "/trends?departmentId=" + late.id()).json().get("departmentName").asString())
                .isEqualTo(late.name());
        assertThat(admin.get(BASE + "/trends?departmentId=999999999").status()).isEqualTo(404);
    }

    @Test
    void aDepartmentsCardStandsBesideTheRegionsAverageAndMedian() {
        int year = TODAY.getYear();
        Api.Response compared = editor.api().get(BASE + "/comparison?year=" + year);
        assertThat(compared.status()).as(compared.body()).isEqualTo(200);
        JsonNode comparison = compared.json();
        assertThat(comparison.get("departmentId").asLong()).isEqualTo(late.id());
        JsonNode card = card(admin, year, late.id());
        assertThat(comparison.get("score").asDouble()).isEqualTo(card.get("score").asDouble());
        JsonNode region = admin.get("/api/v1/supervision/scorecards/region?year=" + year).json();
        assertThat(comparison.get("regionAverageScore").asDouble()).isEqualTo(region.get("score").asDouble());
        JsonNode violations = metric(comparison.get("metrics"), "violations");
        assertThat(violations.get("value").asDouble()).isEqualTo(1.0);
        assertThat(violations.get("regionAverage").asDouble())
                .isEqualTo(region.get("metrics").get("violations").asDouble());
        assertThat(violations.get("regionMedian").isNumber()).isTrue();
        assertThat(metric(comparison.get("metrics"), "applicationsOnTime").get("label").asString())
                .isEqualTo("共享申请按时答复率");

        // the authority chooses the department; without one it is told to
        assertThat(admin.get(BASE + "/comparison?year=" + year + "&departmentId=" + late.id()).json().get("score")
                .asDouble()).isEqualTo(card.get("score").asDouble());
        assertThat(admin.get(BASE + "/comparison?year=" + year).status()).isEqualTo(400);
        assertThat(admin.get(BASE + "/comparison?year=1999&departmentId=" + late.id()).status()).isEqualTo(400);
        Dept other = newDepartment(admin, "看板旁观局");
        assertThat(editor.api().get(BASE + "/comparison?year=" + year + "&departmentId=" + other.id()).status())
                .isEqualTo(403);
    }

    @Test
    void overdueWorkIsCountedPerKindByWorkingDaysOverdueForTheRegionOrTheDepartment() {
        Api.Response own = editor.api().get(BASE + "/overdue");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("departmentId").asLong()).isEqualTo(late.id());
        assertThat(own.json().get("buckets").toString()).isEqualTo("[1,6,11,21]");
        JsonNode obligations = kind(own.json(), "catalog-obligation");
        assertThat(obligations.get("total").asInt()).isEqualTo(1);
        int counted = 0;
        for (JsonNode count : obligations.get("counts")) {
            counted += count.asInt();
        }
        assertThat(counted).isEqualTo(1);
        // 60 calendar days after its trigger, past a due date of at most a few weeks: not in the first bucket
        assertThat(obligations.get("counts").get(0).asInt()).isZero();

        Api.Response region = admin.get(BASE + "/overdue");
        assertThat(region.status()).as(region.body()).isEqualTo(200);
        assertThat(absent(region.json(), "departmentId")).isTrue();
        assertThat(kind(region.json(), "catalog-obligation").get("total").asInt()).isGreaterThanOrEqualTo(1);

        // another department has nothing overdue and cannot read this one's
        LoggedIn stranger = newUser(admin, newDepartment(admin, "看板无逾期局").id(), Role.DATA_USER);
        Api.Response strangers = stranger.api().get(BASE + "/overdue");
        assertThat(strangers.json().get("kinds").size()).isZero();
        assertThat(stranger.api().get(BASE + "/overdue?departmentId=" + late.id()).status()).isEqualTo(403);
    }

    @Test
    void anAssessorReadsTheRegionsDashboard() {
        Dept firm = newDepartment(admin, "看板评估公司");
        LoggedIn assessor = newUser(admin, firm.id(), Role.ASSESSOR);
        assertThat(assessor.api().get(BASE + "/trends").status()).isEqualTo(403);
        Map<String, Object> grant = new HashMap<>();
        grant.put("userId", assessor.id());
        grant.put("departmentId", assessor.departmentId());
        grant.put("validFrom", TODAY.minusDays(1).toString());
        grant.put("validUntil", TODAY.plusDays(10).toString());
        grant.put("note", "看板评估");
        assertThat(admin.post("/api/v1/supervision/assessors", grant).status()).isEqualTo(201);

        Api.Response trends = assessor.api().get(BASE + "/trends");
        assertThat(trends.status()).as(trends.body()).isEqualTo(200);
        assertThat(absent(trends.json(), "departmentId")).isTrue();
        Api.Response overdue = assessor.api().get(BASE + "/overdue");
        assertThat(overdue.status()).as(overdue.body()).isEqualTo(200);
        assertThat(kind(overdue.json(), "catalog-obligation").get("total").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(assessor.api().get(BASE + "/comparison?year=" + TODAY.getYear() + "&departmentId=" + late.id())
                .status()).isEqualTo(200);
    }

    /** Absent or null: the API leaves nulls out. */
    private static boolean absent(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull();
    }

    private static JsonNode kind(JsonNode overdue, String kind) {
        for (JsonNode row : overdue.get("kinds")) {
            if (row.get("kind").asString().equals(kind)) {
                return row;
            }
        }
        throw new AssertionError("no " + kind + " in " + overdue);
    }
}
