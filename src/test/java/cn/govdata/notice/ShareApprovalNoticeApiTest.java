package cn.govdata.notice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.share.ShareFixtures;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/** A submitted share application reaches the providing department's approvers in their inbox, no one else's. */
class ShareApprovalNoticeApiTest extends ShareFixtures {

    @BeforeEach
    void setUp() {
        setUpShare();
    }

    private static JsonNode noticeLinkedTo(Api api, String link) {
        for (JsonNode notice : api.get("/api/v1/notifications?size=100").json().get("items")) {
            if (link.equals(notice.get("link").asString())) {
                return notice;
            }
        }
        return null;
    }

    @Test
    void theProvidersApproverIsToldOfTheSubmittedApplication() {
        long application = submitted(entry("CONDITIONAL"));
        String link = "/share/applications/" + application;
        await(() -> noticeLinkedTo(policeApprover, link) != null);
        JsonNode notice = noticeLinkedTo(policeApprover, link);
        assertThat(notice.get("kind").asString()).isEqualTo("share.approval");
        assertThat(notice.get("title").asString()).startsWith("共享申请待审批：" + civil.name());
        assertThat(notice.get("read").asBoolean()).isFalse();
        assertThat(noticeLinkedTo(civilApprover, link)).isNull();
        assertThat(noticeLinkedTo(stranger, link)).isNull();
    }
}
