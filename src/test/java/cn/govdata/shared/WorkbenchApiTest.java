package cn.govdata.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.share.ShareFixtures;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/** Each user's workbench gathers what the modules have due from that user, with the working days left. */
class WorkbenchApiTest extends ShareFixtures {

    @BeforeEach
    void setUp() {
        setUpShare();
    }

    @Test
    void theProvidersApproverSeesTheApplicationToDecideWithTheWorkingDaysLeft() {
        long application = submitted(entry("CONDITIONAL"));
        JsonNode item = itemLinkedTo(policeApprover, "/share/applications/" + application);
        assertThat(item).as("the approver's workbench lists the application").isNotNull();
        assertThat(item.get("kind").asString()).isEqualTo("share.decide");
        LocalDate due = LocalDate.parse(item.get("dueOn").asString());
        assertThat(item.get("workingDaysLeft").asInt()).isEqualTo(calendar.workingDaysBetween(today(), due)).isPositive();
        assertThat(item.get("overdue").asBoolean()).isFalse();
        assertThat(itemLinkedTo(civilApprover, "/share/applications/" + application)).isNull();
        assertThat(itemLinkedTo(civilUser.api(), "/share/applications/" + application)).isNull();
    }

    @Test
    void theReviewerSeesTheEntrySubmittedForReviewAndNoLongerOnceItIsPublished() {
        String name = "婚姻登记信息" + unique();
        Api.Response drafted = draft(police.api(), content(name));
        long id = drafted.id();
        assertThat(police.api().post("/api/v1/catalog/entries/" + id + "/submit", Map.of()).status()).isEqualTo(200);
        JsonNode item = itemLinkedTo(reviewer, "/catalog/review/" + id);
        assertThat(item).isNotNull();
        assertThat(item.get("kind").asString()).isEqualTo("catalog.review");
        assertThat(item.get("title").asString()).contains(name);
        assertThat(itemLinkedTo(police.api(), "/catalog/review/" + id)).as("not the editor's to review").isNull();
        assertThat(reviewer.post("/api/v1/catalog/entries/" + id + "/publish", Map.of()).status()).isEqualTo(200);
        assertThat(itemLinkedTo(reviewer, "/catalog/review/" + id)).isNull();
    }

    @Test
    void theDataUserSeesAGrantEndingSoonToRenewButNotOneEndingLater() {
        long soon = granted(entry("CONDITIONAL"));
        granted(entry("CONDITIONAL")); // valid for a year: not due
        LocalDate end = calendar.dueAfter(today(), 3).due();
        jdbc.sql("update share_grant set valid_until = ? where id = ?").params(end, soon).update();
        List<JsonNode> renewals = items(civilUser.api()).stream()
                .filter(i -> i.get("kind").asString().equals("share.renew")).toList();
        assertThat(renewals).hasSize(1);
        assertThat(renewals.get(0).get("dueOn").asString()).isEqualTo(end.toString());
        assertThat(renewals.get(0).get("workingDaysLeft").asInt()).isEqualTo(3);
    }

    @Test
    void aUserWithNothingDueHasAnEmptyWorkbenchAndAnonymousHasNone() {
        assertThat(items(auditor)).isEmpty();
        assertThat(anonymous.get("/api/v1/workbench").status()).isEqualTo(401);
    }

    private JsonNode itemLinkedTo(Api api, String link) {
        return items(api).stream().filter(i -> i.get("link").asString().equals(link)).findFirst().orElse(null);
    }

    private List<JsonNode> items(Api api) {
        Api.Response workbench = api.get("/api/v1/workbench");
        assertThat(workbench.status()).as(workbench.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        workbench.json().get("items").forEach(items::add);
        return items;
    }
}
