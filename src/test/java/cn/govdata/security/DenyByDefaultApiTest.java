package cn.govdata.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;

/** Every API endpoint, including ones added later, refuses a caller without a token (X-Road's rule). */
class DenyByDefaultApiTest extends ApiIntegrationTest {

    /**
     * Login, open data for the public (the CKAN-compatible API and the portal's figures), and the public accounts'
     * registration and login and the answered demand requests (open.account, open.demand), the approved apps and
     * results (open.reuse), the emergency data and the open datasets' change feeds (open.emergency), and the open
     * data harvested from other catalogs (federation.harvest).
     */
    private static final Set<String> OPEN = Set.of("POST /api/v1/auth/login", "GET /api/3/action/{name}",
            "POST /api/3/action/{name}", "GET /api/action/{name}", "POST /api/action/{name}", "GET /api/v1/open/stats",
            "POST /api/v1/public/challenges", "POST /api/v1/public/codes", "POST /api/v1/public/accounts",
            "POST /api/v1/public/auth/login", "GET /api/v1/public/demands", "GET /api/v1/public/demands/{id}",
            "GET /api/v1/public/departments",
            "GET /api/v1/public/reuses", "GET /api/v1/public/reuses/{id}", "GET /api/v1/public/emergency",
            "GET /api/v1/public/feeds/{dataset}", "GET /api/v1/public/harvested", "GET /api/v1/public/harvested/{id}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiEndpointAnswers401WithoutAToken() {
        List<String> checked = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    String endpoint = method + " " + pattern;
                    if (OPEN.contains(endpoint)) {
                        continue;
                    }
                    String path = pattern.replaceAll("\\{year}", "2026").replaceAll("\\{[^}]+}", "1");
                    Api.Response response = anonymous.send(method.name(), path, method == RequestMethod.GET ? null : "{}",
                            "Content-Type", "application/json");
                    assertThat(response.status()).as(endpoint).isEqualTo(401);
                    assertThat(response.code()).as(endpoint).isEqualTo("UNAUTHENTICATED");
                    checked.add(endpoint);
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(15);
    }

    @Test
    void openDataAnswersAnyoneEvenWithAKeyItDoesNotKnow() {
        assertThat(anonymous.get("/api/3/action/status_show").status()).isEqualTo(200);
        assertThat(anonymous.send("GET", "/api/action/package_list", null, "Authorization", "Bearer not-a-token").status())
                .isEqualTo(200);
        assertThat(anonymous.get("/api/v1/open/stats").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/public/reuses").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/public/emergency").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/public/account/reuses").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/open/revenues").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/open/datasets").status()).isEqualTo(401);
    }

    @Test
    void unknownPathsOutsideTheApiAreRefusedToo() {
        assertThat(anonymous.get("/internal/anything").status()).isIn(401, 403);
    }
}
