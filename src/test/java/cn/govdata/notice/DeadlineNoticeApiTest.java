package cn.govdata.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.govdata.share.ShareFixtures;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The daily deadline notices: a pending share application's approvers are told before it is due, on the day and
 * once overdue, each stage once however often the job runs, and no one else is told.
 */
class DeadlineNoticeApiTest extends ShareFixtures {

    @Autowired
    private DeadlineNotices deadlineNotices;

    @BeforeEach
    void setUp() {
        setUpShare();
    }

    private static List<JsonNode> noticesLinkedTo(Api api, String link, String kind) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode notice : api.get("/api/v1/notifications?size=100").json().get("items")) {
            if (link.equals(notice.get("link").asString()) && kind.equals(notice.get("kind").asString())) {
                found.add(notice);
            }
        }
        return found;
    }

    @Test
    void eachStageOfAnApplicationsDeadlineIsToldOnceToItsApprovers() {
        long application = submitted(entry("CONDITIONAL"));
        String link = "/share/applications/" + application;
        LocalDate due = LocalDate.parse(policeApprover.get("/api/v1/share/applications/" + application).json()
                .get("dueOn").asString());
        LocalDate soon = due.minusDays(1);
        while (!calendar.isWorkingDay(soon)) {
            soon = soon.minusDays(1);
        }

        // three weeks before nothing is due yet
        DeadlineNotices.Run early = deadlineNotices.run(due.minusDays(21));
        assertThat(early.deadlines()).isPositive();
        assertThat(noticesLinkedTo(policeApprover, link, "deadline.soon")).isEmpty();

        deadlineNotices.run(soon);
        deadlineNotices.run(soon);
        List<JsonNode> soonNotices = noticesLinkedTo(policeApprover, link, "deadline.soon");
        assertThat(soonNotices).hasSize(1);
        assertThat(soonNotices.getFirst().get("title").asString())
                .startsWith("即将到期：共享申请“").contains(civil.name()).endsWith("请于" + due + "前办理");
        assertThat(soonNotices.getFirst().get("body").asString()).contains("Due in 1 working day");

        deadlineNotices.run(due);
        DeadlineNotices.Run again = deadlineNotices.run(due);
        assertThat(noticesLinkedTo(policeApprover, link, "deadline.today")).hasSize(1)
                .first().satisfies(n -> assertThat(n.get("title").asString()).startsWith("今天到期：")
                        .contains(due.toString()));

        LocalDate late = due.plusDays(3);
        deadlineNotices.run(late);
        deadlineNotices.run(late.plusDays(1));
        assertThat(noticesLinkedTo(policeApprover, link, "deadline.overdue")).hasSize(1)
                .first().satisfies(n -> assertThat(n.get("title").asString()).startsWith("已逾期：")
                        .endsWith("已于" + due + "到期"));
        assertThat(noticesLinkedTo(policeApprover, link, "deadline.soon")).hasSize(1);
        assertThat(noticesLinkedTo(policeApprover, link, "deadline.today")).hasSize(1);

        // the applicant's approver and another department are not told of the provider's deadline
        assertThat(noticesLinkedTo(civilApprover, link, "deadline.overdue")).isEmpty();
        assertThat(noticesLinkedTo(stranger, link, "deadline.overdue")).isEmpty();
        assertThat(again.noticesStored()).isZero();
    }
}
