package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.sun.net.httpserver.HttpServer;

import cn.govdata.share.ShareFixtures;
import cn.govdata.share.subscription.SubscriptionSignature;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.IdNumbers;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions (主动推送, SHR-5) in headless Chromium: the civil affairs bureau holds a grant on the police's
 * population register that allows subscription (set up through the API); its data user follows 订阅 from 我的授权,
 * registers a subscription of two of the three granted items to a JDK HTTP server on localhost (plain http is
 * allowed for localhost in the tests; to another host it is refused, the dialog says why) and sees the signing
 * secret once, with the headers to check. The police
 * change their data through the lake's API: the push arrives signed with that very secret, and 订阅推送 shows the
 * successful delivery. The endpoint then fails until the change becomes a dead letter, which the user retries
 * from the page once the endpoint is back; finally the user pauses the subscription (已暂停), and the page reads
 * the same in English. Screenshots go to target/e2e/ (subscription-*.png).
 */
class SubscriptionConsoleE2ETest extends ShareConsoleSteps {

    private static final String ZHANG = IdNumbers.of("370602", "19800101", "123");
    private static final String LI = IdNumbers.of("370602", "19921231", "456");
    private static final String ZHAO = IdNumbers.of("370602", "19750303", "321");

    /** One request the subscriber received. */
    private record Received(Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** The status the subscriber answers with. */
    private final AtomicInteger answer = new AtomicInteger(200);
    private HttpServer subscriber;

    @AfterEach
    void stopSubscriber() {
        if (subscriber != null) {
            subscriber.stop(0);
        }
    }

    @Test
    void aDataUserSubscribesSeesTheSecretOnceAndFollowsTheDeliveries() throws IOException {
        Api adminApi = admin();
        Dept police = newDepartment(adminApi, "订阅公安局");
        LoggedIn editor = newUser(adminApi, police.id(), Role.CATALOG_EDITOR);
        LoggedIn provider = newUser(adminApi, police.id(), Role.DATA_PROVIDER);
        LoggedIn reviewer = newUser(adminApi, authorityDepartmentId(adminApi), Role.CATALOG_REVIEWER);
        Api approver = newUser(adminApi, police.id(), Role.SHARE_APPROVER).api();
        Dept civil = newDepartment(adminApi, "订阅民政局");
        LoggedIn user = newUser(adminApi, civil.id(), Role.DATA_USER);
        Map<String, Object> content = ShareFixtures.population("CONDITIONAL");
        String name = (String) content.get("name");
        long entryId = publish(editor.api(), reviewer.api(), content);
        long datasetId = PopulationEntries.dataset(provider.api(), entryId);
        PopulationEntries.upload(provider.api(), datasetId, "gmsfhm,xm,xzqh,zz\n" + ZHANG + ",张三,370602,芝罘区幸福路1号\n");
        long grantId = granted(user.api(), approver, entryId, List.of("QUERY", "SUBSCRIPTION"));
        String endpoint = startSubscriber();

        // 1. from 我的授权, 订阅 opens the registration on the grant; the user keeps the ID number and the name
        logIn(user.username(), user.password());
        click("menu-shareGrants");
        click("grant-subscribe-" + grantId);
        find("register-dialog");
        wait.until(driver -> find("register-grant").getText().contains(name));
        assertThat(input("register-item-xzqh").isSelected()).isTrue();
        click("register-item-xzqh");
        // plain http to another host is refused, and the dialog says why
        type("register-endpoint", "http://gov.example.cn/hook");
        click("register-submit");
        wait.until(driver -> find("register-error").getText().contains("必须使用 https"));
        type("register-endpoint", endpoint);
        shot("subscription-01-register");
        click("register-submit");

        // 2. the secret, once, with how deliveries are signed
        find("secret-dialog");
        String secret = find("secret-value").getText();
        assertThat(secret).matches("[0-9a-f]{64}");
        assertThat(find("secret-warning").getText()).contains("签名密钥只显示这一次");
        assertThat(find("secret-headers").getText()).contains("X-Govdata-Subscription", "X-Govdata-Delivery",
                "X-Govdata-Timestamp", "X-Govdata-Signature", "HMAC-SM3");
        assertThat(find("secret-formula").getText()).contains("HMAC-SM3", "timestamp", "deliveryId", "body");
        shot("subscription-02-secret");
        click("secret-close");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-test='secret-dialog']")));
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(secret);
        JsonNode registered = user.api().get("/api/v1/share/subscriptions").json().get(0);
        long id = registered.get("id").asLong();
        assertThat(registered.get("endpoint").asString()).isEqualTo(endpoint);
        assertThat(registered.has("secret")).isFalse();
        wait.until(driver -> find("subscription-status-" + id).getText().equals("推送中"));
        assertThat(find("subscription-endpoint-" + id).getText()).isEqualTo(endpoint);
        assertThat(find("subscription-items-" + id).getText()).isEqualTo("公民身份号码（gmsfhm）、姓名（xm）");
        assertThat(find("subscription-last-success-" + id).getText()).isEqualTo("尚未成功推送");
        assertThat(find("subscriptions-table").getText()).contains(name, police.name());

        // 3. the police's data changes: the push arrives, signed with the secret the page showed
        PopulationEntries.upload(provider.api(), datasetId, "gmsfhm,xm,xzqh,zz\n" + LI + ",李四,370602,芝罘区和平路2号\n");
        wait.until(driver -> received.size() == 1);
        Received push = received.get(0);
        assertThat(push.header("X-Govdata-Subscription")).isEqualTo(Long.toString(id));
        assertThat(SubscriptionSignature.verify(secret, push.header("X-Govdata-Timestamp"),
                push.header("X-Govdata-Delivery"), push.body(), push.header("X-Govdata-Signature"), Instant.now(),
                SubscriptionSignature.DEFAULT_WINDOW)).isTrue();
        assertThat(push.text()).contains("\"李*\"").doesNotContain("李四", "xzqh", "和平路");
        // the delivery is recorded once the endpoint has answered
        wait.until(driver -> lastSuccess(user.api(), id) != null);
        click("subscriptions-refresh");
        wait.until(driver -> find("subscription-last-success-" + id).getText().startsWith("最近成功："));
        assertThat(find("subscription-failures-" + id).getText()).isEqualTo("连续失败 0 次");
        click("subscription-deliveries-" + id);
        find("subscription-dialog");
        wait.until(driver -> outcomes().equals(List.of("成功")));
        assertThat(find("deliveries-table").getText()).contains("200", "1 / 1");
        assertThat(find("dead-letters-table").getText()).contains("没有死信");
        fullShot("subscription-03-delivered");

        // 4. the endpoint fails: after the last attempt the change becomes a dead letter, retried once it is back
        answer.set(500);
        PopulationEntries.upload(provider.api(), datasetId, "gmsfhm,xm,xzqh,zz\n" + ZHAO + ",赵六,370602,芝罘区新华路4号\n");
        wait.until(driver -> user.api().get("/api/v1/share/subscriptions/" + id + "/dead-letters").json().size() == 1);
        long letter = user.api().get("/api/v1/share/subscriptions/" + id + "/dead-letters").json().get(0).get("id").asLong();
        answer.set(200);
        click("subscription-detail-refresh");
        wait.until(driver -> find("dead-letter-status-" + letter).getText().equals("待处理"));
        // three attempts (max-attempts in the tests), newest first, above the first delivery
        wait.until(driver -> outcomes().equals(List.of("失败", "失败", "失败", "成功")));
        assertThat(find("deliveries-table").getText()).contains("500");
        assertThat(find("dead-letters-table").getText()).contains("HTTP 500");
        fullShot("subscription-04-dead-letter");
        click("dead-letter-retry-" + letter);
        wait.until(driver -> find("dead-letter-status-" + letter).getText().equals("已重试"));
        wait.until(driver -> received.size() == 5);
        assertThat(received.get(4).text()).contains("\"赵*\"");
        wait.until(driver -> user.api().get("/api/v1/share/subscriptions/" + id + "/deliveries").json().get(0)
                .get("succeeded").asBoolean());
        click("subscription-detail-refresh");
        wait.until(driver -> outcomes().size() == 5 && outcomes().get(0).equals("成功"));
        click("subscription-dialog-close");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-test='subscription-dialog']")));

        // 5. paused: the status tag says so, resume is offered, and it stays so when the page is opened again
        click("subscription-pause-" + id);
        wait.until(driver -> find("subscription-status-" + id).getText().equals("已暂停"));
        find("subscription-resume-" + id);
        assertThat(browser.findElements(By.cssSelector("[data-test='subscription-pause-" + id + "']"))).isEmpty();
        assertThat(user.api().get("/api/v1/share/subscriptions/" + id).text("status")).isEqualTo("PAUSED");
        click("menu-shareGrants");
        click("menu-shareSubscriptions");
        wait.until(driver -> find("subscription-status-" + id).getText().equals("已暂停"));
        fullShot("subscription-05-paused");

        // 6. in English, the page says the same
        click("switch-language");
        wait.until(driver -> find("subscription-status-" + id).getText().equals("Paused"));
        assertThat(find("subscription-items-" + id).getText()).isEqualTo("公民身份号码（gmsfhm）、姓名（xm）");
        assertThat(find("subscription-last-success-" + id).getText()).startsWith("Last success: ");
        assertThat(find("subscription-failures-" + id).getText()).isEqualTo("Failed attempts in a row: 0");
        fullShot("subscription-06-english");
        click("switch-language");
        wait.until(driver -> find("subscription-status-" + id).getText().equals("已暂停"));
    }

    /** A JDK HTTP server on localhost that records every request and answers with {@link #answer}. */
    private String startSubscriber() throws IOException {
        subscriber = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        subscriber.createContext("/hook", exchange -> {
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        subscriber.start();
        return "http://localhost:" + subscriber.getAddress().getPort() + "/hook";
    }

    private static String lastSuccess(Api api, long id) {
        return api.get("/api/v1/share/subscriptions/" + id).text("lastSuccessAt");
    }

    /** The outcome tags of the deliveries shown, newest first (read once they have zoomed in). */
    private List<String> outcomes() {
        return browser.findElements(By.cssSelector("[data-test^='delivery-outcome-']")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).map(String::strip).toList();
    }
}
