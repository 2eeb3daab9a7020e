package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import cn.govdata.open.PublicFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A department answers an open-data demand request in the console (开放需求答复): a citizen asks through the public
 * API for data the department holds; its data provider finds the request under 开放 → 开放需求答复, sees what the
 * citizen wrote as text (markup included), refuses with reasons and the legal basis, and the answer is public.
 */
class DemandConsoleE2ETest extends ConsoleBrowserTest {

    @Test
    void aDepartmentAnswersADemandRequest() throws Exception {
        Api admin = admin();
        Dept police = newDepartment(admin, "市公安局");
        LoggedIn provider = newUser(admin, police.id(), Role.DATA_PROVIDER);
        String subject = "<b>地铁</b>站点客流" + unique();
        long id = requested(police.id(), subject);

        logIn(provider.username(), provider.password());
        click("menu-openDemands");
        find("demands-table");
        assertThat(find("demand-subject-" + id).getText()).as("shown as text").isEqualTo(subject);
        assertThat(browser.findElements(By.xpath("//b[contains(., '地铁')]"))).as("never as markup").isEmpty();
        find("demand-due-" + id);
        shot("demand-01-list");

        click("demand-open-" + id);
        find("demand-answer-form");
        click("demand-decision-WILL_NOT_OPEN");
        type("demand-decision-reasons", "客流数据涉及公共安全，暂不开放");
        type("demand-decision-basis", "《中华人民共和国反恐怖主义法》第二十七条");
        shot("demand-02-answer");
        click("demand-answer-submit");
        wait.until(driver -> find("demand-detail-status").getText().equals("已答复"));
        assertThat(find("demand-detail-decision").getText()).isEqualTo("不予开放");
        assertThat(browser.findElements(By.cssSelector("[data-test='demand-answer-form']"))).isEmpty();
        shot("demand-03-answered");

        Api.Response shown = anonymous.get("/api/v1/public/demands/" + id);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.text("decision")).isEqualTo("WILL_NOT_OPEN");
        assertThat(shown.text("legalBasis")).isEqualTo("《中华人民共和国反恐怖主义法》第二十七条");
    }

    /** A citizen registers (the code read from the log sender) and asks the department for data. */
    private long requested(long departmentId, String subject) {
        String mobile = "137" + String.format("%08d", System.nanoTime() % 100_000_000);
        int before = PublicFixtures.messagesSoFar();
        // from an address of its own: other tests' failures from 127.0.0.1 may have made that one answer a challenge
        JsonNode sent = fromOwnAddress("/api/v1/public/codes", Map.of("channel", "SMS", "address", mobile), 202);
        fromOwnAddress("/api/v1/public/accounts", Map.of("codeId", sent.get("codeId").asString(), "code",
                PublicFixtures.codeSentSince(before), "kind", "CITIZEN", "name", "市民甲", "password",
                PublicFixtures.PASSWORD), 201);
        JsonNode login = fromOwnAddress("/api/v1/public/auth/login", Map.of("login", mobile, "password",
                PublicFixtures.PASSWORD), 200);
        Api citizen = anonymous.withToken(login.get("token").asString());
        Api.Response submitted = citizen.post("/api/v1/public/account/demands", Map.of("kind", "OPEN", "subject",
                subject, "description", "各站点每日进出站人数", "reason", "出行规划研究", "departmentId", departmentId));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.id();
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();

    private JsonNode fromOwnAddress(String path, Map<String, Object> body, int expected) {
        try {
            HttpClient client = HttpClient.newBuilder()
                    .localAddress(InetAddress.getByName("127.3.0." + (1 + ADDRESSES.getAndIncrement() % 250))).build();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
            return JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
}
