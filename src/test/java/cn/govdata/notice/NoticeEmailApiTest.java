package cn.govdata.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;
import jakarta.mail.internet.MimeMessage;

/**
 * Notices by e-mail through a real SMTP server the test starts (GreenMail): only to a user who asked for it, with
 * the notice's title as subject.
 */
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "govdata.notice.mail-from=notice@govdata.example" })
class NoticeEmailApiTest extends ApiIntegrationTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-notice-mail-"
            + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("govdata.test.data-dir", () -> DATA_DIR);
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Test
    void aUserWhoAskedForItReceivesTheNoticeByEmail() throws Exception {
        Api admin = admin();
        Dept department = newDepartment(admin, "邮件通知局");
        LoggedIn wantsMail = newUser(admin, department.id(), Role.DATA_PROVIDER);
        LoggedIn noMail = newUser(admin, department.id(), Role.DATA_PROVIDER);
        String address = "cdo" + unique() + "@example.org";
        Api.Response preference = wantsMail.api().put("/api/v1/notifications/preference",
                Map.of("email", address, "emailEnabled", true));
        assertThat(preference.status()).as(preference.body()).isEqualTo(200);

        // each is appointed in turn: both get the notice in their inbox, only the one who asked by e-mail
        for (LoggedIn officer : new LoggedIn[] { noMail, wantsMail }) {
            Api.Response appointed = admin.post("/api/v1/org/chief-data-officers", Map.of("departmentId",
                    department.id(), "userId", officer.id(), "appointedOn", LocalDate.now().toString()));
            assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
        }
        assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage[] messages = MAIL.getReceivedMessages();
        assertThat(messages).hasSize(1);
        assertThat(messages[0].getAllRecipients()[0].toString()).isEqualTo(address);
        assertThat(messages[0].getFrom()[0].toString()).isEqualTo("notice@govdata.example");
        assertThat(messages[0].getSubject()).isEqualTo("您已被任命为" + department.name() + "首席数据官");
        assertThat(GreenMailUtil.getBody(messages[0])).isNotBlank();
        assertThat(noMail.api().get("/api/v1/notifications/unread-count").json().get("unread").asLong())
                .isEqualTo(1);
    }
}
