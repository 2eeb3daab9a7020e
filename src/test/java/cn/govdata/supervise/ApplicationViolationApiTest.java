package cn.govdata.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.share.ShareFixtures;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * A share application left unanswered past its reply date becomes a violation of the providing department; the
 * order is closed once the department decided the application, and the late answer shows in its scorecard.
 */
class ApplicationViolationApiTest extends ShareFixtures {

    @BeforeEach
    void setUp() {
        setUpShare();
    }

    @Test
    void anUnansweredApplicationIsAViolationOfTheProviderUntilItIsDecided() {
        long application = submitted(entry("CONDITIONAL"));
        // the reply date passed yesterday (the due date is the share module's own; moved here as its tests do)
        jdbc.sql("update share_application set due_on = ? where id = ?").params(today().minusDays(1), application)
                .update();
        long policeId = police.department().id();

        // the authority's connected system runs the detection as a scheduler would
        Api.Response registered = admin.post("/api/v1/systems",
                Map.of("departmentId", authorityDepartmentId(admin), "name", "监督调度" + unique()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Api scheduler = connectedSystem(registered);
        assertThat(scheduler.post("/api/v1/supervision/detect", Map.of()).status()).isEqualTo(200);
        JsonNode violations = admin.get("/api/v1/supervision/violations?departmentId=" + policeId).json();
        assertThat(violations.size()).isEqualTo(1);
        JsonNode violation = violations.get(0);
        assertThat(violation.get("type").asString()).isEqualTo("APPLICATION_UNANSWERED");
        assertThat(violation.get("missedDueOn").asString()).isEqualTo(today().minusDays(1).toString());
        long id = violation.get("id").asLong();
        // the applicant is not the one in breach
        assertThat(admin.get("/api/v1/supervision/violations?departmentId=" + civil.id()).json().size()).isZero();

        assertThat(admin.post("/api/v1/supervision/violations/" + id + "/order", Map.of()).text("status"))
                .isEqualTo("ORDERED");
        Api.Response approved = policeApprover.post("/api/v1/share/applications/" + application + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        Api.Response answered = policeApprover.post("/api/v1/supervision/violations/" + id + "/answer",
                Map.of("description", "已审核同意该申请"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(admin.post("/api/v1/supervision/violations/" + id + "/recheck", Map.of()).text("status"))
                .isEqualTo("CLOSED");

        int year = today().getYear();
        JsonNode card = null;
        for (JsonNode c : admin.get("/api/v1/supervision/scorecards?year=" + year).json()) {
            if (c.get("departmentId").asLong() == policeId) {
                card = c;
            }
        }
        assertThat(card).isNotNull();
        if (today().minusDays(1).getYear() == year) {
            assertThat(card.get("metrics").get("applicationsOnTime").asDouble()).isZero();
        }
        assertThat(card.get("metrics").get("entries").asDouble()).isEqualTo(1.0);
        assertThat(card.get("metrics").get("activeGrants").asDouble()).isEqualTo(1.0);
        assertThat(card.get("metrics").get("violations").asDouble()).isEqualTo(1.0);
    }
}
