package cn.govdata.open.portal;

import static cn.govdata.open.portal.PortalHttp.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.support.ApiIntegrationTest;

/**
 * The portal is its own page at {@code /open/}, for every path below it (deep links), anonymous, with a
 * Content-Security-Policy that runs no inline script; the officials' console stays as it was at {@code /}.
 */
class PortalPageApiTest extends ApiIntegrationTest {

    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+)\"");

    private PortalHttp http;

    @BeforeEach
    void setUp() {
        PortalHttp.assumePortalBuilt();
        http = new PortalHttp(port);
    }

    @Test
    void theAddressOfThePortalAnswersThePortalsOwnPageToAnyone() {
        HttpResponse<String> page = http.get("/open/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Content-Type")).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat(page.body()).contains("<div id=\"portal\">").contains("/assets/portal-")
                .doesNotContain("<div id=\"app\">");
        assertThat(header(page, "Cache-Control")).contains("no-cache");
    }

    @Test
    void thePortalsPageForbidsInlineScriptAndFramingAndRunsOnlyScriptsItLoads() {
        HttpResponse<String> page = http.get("/open/");

        String csp = header(page, "Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(header(page, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(page, "Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(header(page, "X-Frame-Options")).isEqualTo("DENY");
        // what the CSP would block must not be there: every script is a file of the platform's
        Matcher scripts = SCRIPT_TAG.matcher(page.body());
        int count = 0;
        while (scripts.find()) {
            assertThat(scripts.group()).contains("src=\"/assets/");
            count++;
        }
        assertThat(count).isPositive();
        assertThat(page.body()).doesNotContainPattern("(?i)\\son[a-z]+=").doesNotContain("style=");
    }

    @Test
    void everyFileThePageLoadsIsServedAnonymously() {
        String body = http.get("/open/").body();
        Matcher assets = ASSET.matcher(body);
        List<String> files = assets.results().map(m -> m.group(1)).toList();

        assertThat(files).anyMatch(f -> f.endsWith(".js")).anyMatch(f -> f.endsWith(".css"));
        for (String file : files) {
            HttpResponse<String> asset = http.get(file);
            assertThat(asset.statusCode()).as(file).isEqualTo(200);
            assertThat(header(asset, "Content-Type")).as(file).matches("(text/javascript|application/javascript|text/css).*");
        }
    }

    @Test
    void deepLinksBelowTheAddressAnswerThePortalsPageSoThatItsRouterShowsThem() {
        String portal = http.get("/open/").body();

        for (String path : List.of("/open/datasets", "/open/datasets/ab-370600-00001", "/open/organizations/x/y",
                "/open/anything?q=%E4%BA%BA%E5%8F%A3&page=2")) {
            HttpResponse<String> deep = http.get(path);
            assertThat(deep.statusCode()).as(path).isEqualTo(200);
            assertThat(deep.body()).as(path).isEqualTo(portal);
            assertThat(header(deep, "Content-Security-Policy")).as(path).contains("script-src 'self'");
        }
    }

    @Test
    void theAddressWithoutItsSlashLeadsOnceToTheAddressWithIt() {
        HttpResponse<String> bare = http.get("/open?q=x");

        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(header(bare, "Location")).isEqualTo("/open/?q=x");
        assertThat(http.get("/open/?q=x").statusCode()).isEqualTo(200);
    }

    @Test
    void thePortalsPagesAreOnlyRead() {
        assertThat(http.send("HEAD", "/open/datasets").statusCode()).isEqualTo(200);
        for (String method : List.of("POST", "PUT", "DELETE")) {
            assertThat(http.send(method, "/open/datasets").statusCode()).as(method).isEqualTo(403);
        }
    }

    @Test
    void theOfficialsConsoleStaysAtTheRootWithItsOwnPolicy() {
        HttpResponse<String> console = http.get("/");

        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("<div id=\"app\">").doesNotContain("id=\"portal\"");
        assertThat(header(console, "Content-Security-Policy")).contains("script-src 'self'")
                .contains("style-src 'self' 'unsafe-inline'");
        assertThat(http.get("/open.html").statusCode()).as("the page only at its address").isIn(401, 403, 404);
    }
}
