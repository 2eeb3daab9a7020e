package cn.govdata.open.portal;

import static cn.govdata.open.portal.PortalHttp.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import cn.govdata.support.ApiIntegrationTest;

/**
 * A node in front of the internet ({@code govdata.open.portal-only=true}) serves the portal and the public API;
 * the officials' console, its API and the platform's other endpoints do not exist there (404, not 401: nothing
 * to log in to).
 */
@TestPropertySource(properties = "govdata.open.portal-only=true")
class PortalOnlyApiTest extends ApiIntegrationTest {

    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-portal-only-"
            + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("govdata.test.data-dir", () -> DATA_DIR);
    }

    private PortalHttp http;

    @BeforeEach
    void setUp() {
        http = new PortalHttp(port);
    }

    @Test
    void theConsoleItsApiAndTheOperatorsEndpointsAreNotThere() {
        for (String path : List.of("/index.html", "/api/v1/auth/me", "/api/v1/departments", "/api/v1/open/datasets",
                "/v3/api-docs", "/swagger-ui.html", "/actuator/prometheus", "/actuator/info", "/oauth2/token",
                "/open.html", "/error")) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(header(response, "Content-Type")).as(path).startsWith("application/problem+json");
        }
        assertThat(anonymous.post("/api/v1/auth/login", java.util.Map.of("username", "admin", "password",
                ADMIN_PASSWORD)).status()).isEqualTo(404);
    }

    @Test
    void aPathThatClimbsOutOfThePortalIsJudgedWhereItLands() {
        assertThat(http.get("/open/../api/v1/departments").statusCode()).isIn(400, 404);
        assertThat(http.get("/open/%2e%2e/api/v1/departments").statusCode()).isIn(400, 404);
    }

    @Test
    void theSitesRootLeadsToThePortal() {
        HttpResponse<String> root = http.get("/");

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(header(root, "Location")).isEqualTo("/open/");
    }

    @Test
    void thePublicApiAnswers() {
        assertThat(http.get("/api/3/action/status_show").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/action/package_search?rows=1").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/open/stats").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/public/demands").statusCode()).as("the public's own API").isEqualTo(200);
        assertThat(http.get("/api/v1/public/account/keys").statusCode()).as("there, for account holders only")
                .isEqualTo(401);
        assertThat(http.get("/catalog.ttl").statusCode()).as("the DCAT-AP catalog").isEqualTo(200);
        assertThat(http.get("/dataset/no-such-dataset.ttl").statusCode()).as("a dataset's document answers itself")
                .isEqualTo(404);
        assertThat(http.get("/datastore/dump/00000000-0000-0000-0000-000000000000?format=csv").statusCode())
                .as("the dump answers itself: no such resource").isEqualTo(404);
        assertThat(header(http.get("/datastore/dump/00000000-0000-0000-0000-000000000000"), "Content-Type"))
                .as("CKAN's error, not the filter's problem").doesNotStartWith("application/problem+json");
    }

    @Test
    void theLoadBalancersProbeStillAnswers() {
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void thePortalsPagesAndFilesAreServed() {
        PortalHttp.assumePortalBuilt();
        HttpResponse<String> page = http.get("/open/datasets/x");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<div id=\"portal\">");
        String script = page.body().replaceAll("(?s).*<script type=\"module\" crossorigin src=\"([^\"]+)\".*", "$1");
        assertThat(http.get(script).statusCode()).as(script).isEqualTo(200);
    }
}
