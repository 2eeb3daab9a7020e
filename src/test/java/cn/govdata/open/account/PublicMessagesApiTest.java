package cn.govdata.open.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;

import cn.govdata.open.PublicFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real senders: verification codes and notices by e-mail through an SMTP server the test starts (GreenMail),
 * and by SMS through a gateway's webhook the test serves; a gateway that refuses leaves nothing behind.
 */
@TestPropertySource(properties = { "govdata.open.account.messages.log=false",
        "govdata.open.account.messages.mail-from=noreply@govdata.example",
        "govdata.open.account.messages.sms-webhook-token=gateway-token", "spring.mail.host=127.0.0.1" })
class PublicMessagesApiTest extends PublicFixtures {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    /** What the SMS gateway's webhook was sent: the JSON bodies and their Authorization headers. */
    private static final List<JsonNode> TEXTS = new CopyOnWriteArrayList<>();
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    /** The gateway refuses messages to this number. */
    private static final String REFUSED_MOBILE = "13000000500";
    private static final HttpServer GATEWAY = gateway();
    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-messages-"
            + java.util.UUID.randomUUID();
    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

    @DynamicPropertySource
    static void senders(DynamicPropertyRegistry registry) {
        registry.add("govdata.test.data-dir", () -> DATA_DIR);
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("govdata.open.account.messages.sms-webhook-url",
                () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort() + "/sms");
    }

    private static HttpServer gateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            JsonMapper json = JsonMapper.builder().build();
            server.createContext("/sms", exchange -> {
                JsonNode body = json.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                boolean refused = REFUSED_MOBILE.equals(body.get("to").asString());
                if (!refused) {
                    TEXTS.add(body);
                    AUTHORIZATIONS.add(exchange.getRequestHeaders().getFirst("Authorization"));
                }
                exchange.sendResponseHeaders(refused ? 500 : 200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        setUpCatalog();
    }

    @Test
    void aCodeAndANoticeArriveByEmailThroughTheMailServer() throws Exception {
        From from = fromNewAddress();
        String email = newEmail();
        int before = MAIL.getReceivedMessages().length;
        Answer sent = from.sendCode("EMAIL", email);
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        MimeMessage mail = mailTo(email, before);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("noreply@govdata.example");
        assertThat(mail.getSubject()).isEqualTo("您的验证码");
        String text = mail.getContent().toString();
        assertThat(text).contains("验证码为").contains("10 分钟内有效");
        Matcher code = CODE.matcher(text);
        assertThat(code.find()).isTrue();

        Answer registered = from.post("/api/v1/public/accounts", Map.of("codeId", sent.text("codeId"), "code",
                code.group(1), "kind", "RESEARCH_INSTITUTION", "name", "某某大学", "creditCode", randomCreditCode(),
                "password", PASSWORD, "notifyByMessage", true));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Api holder = anonymous.withToken(from.login(email, PASSWORD).text("token"));

        Dept department = newDepartment(admin, "自然资源局");
        Api provider = newUser(admin, department.id(), Role.DATA_PROVIDER).api();
        long id = holder.post("/api/v1/public/account/demands", Map.of("kind", "OPEN", "subject", "地质灾害隐患点",
                "description", "点位与类型", "reason", "防灾科研", "departmentId", department.id())).id();
        before = MAIL.getReceivedMessages().length;
        assertThat(provider.post("/api/v1/open/demands/" + id + "/answer", Map.of("decision", "WILL_OPEN")).status())
                .isEqualTo(200);
        MimeMessage notice = mailTo(email, before);
        assertThat(notice.getContent().toString()).contains("地质灾害隐患点").contains("已获答复");
    }

    @Test
    void aCodeIsSentBySmsThroughTheGatewayWebhook() {
        From from = fromNewAddress();
        String mobile = newMobile();
        int before = TEXTS.size();
        Answer sent = from.sendCode("SMS", mobile);
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(TEXTS).hasSize(before + 1);
        JsonNode text = TEXTS.get(before);
        assertThat(text.get("to").asString()).isEqualTo(mobile);
        assertThat(AUTHORIZATIONS.get(before)).isEqualTo("Bearer gateway-token");
        Matcher code = CODE.matcher(text.get("text").asString());
        assertThat(code.find()).as(text.toString()).isTrue();
        Answer registered = from.post("/api/v1/public/accounts", Map.of("codeId", sent.text("codeId"), "code",
                code.group(1), "kind", "CITIZEN", "name", "陈一", "password", PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }

    @Test
    void aGatewayThatRefusesLeavesNoCodeBehind() {
        Answer refused = fromNewAddress().sendCode("SMS", REFUSED_MOBILE);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("MESSAGE_NOT_SENT");
        assertThat(jdbc.sql("select count(*) from public_verification_code where destination = ?")
                .param(REFUSED_MOBILE).query(Long.class).single()).isZero();
    }

    private static MimeMessage mailTo(String address, int before) throws Exception {
        assertThat(MAIL.waitForIncomingEmail(10_000, before + 1)).as("mail arrived").isTrue();
        MimeMessage[] received = MAIL.getReceivedMessages();
        for (int i = received.length - 1; i >= before; i--) {
            if (received[i].getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                return received[i];
            }
        }
        throw new AssertionError("no mail to " + address);
    }
}
