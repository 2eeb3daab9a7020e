package cn.govdata.open.ckan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

import cn.govdata.support.ApiIntegrationTest;

/** The CKAN actions' own mapping finds their handler on both paths and leaves every other path to Spring MVC's. */
class CkanHandlerMappingTest extends ApiIntegrationTest {

    @Autowired
    private CkanHandlerMapping mapping;

    @Test
    void actionsAreFoundFirstOnBothPaths() throws Exception {
        for (String path : new String[] { "/api/3/action/package_search", "/api/action/package_show" }) {
            for (String method : new String[] { "GET", "POST" }) {
                MockHttpServletRequest request = new MockHttpServletRequest(method, path);
                HandlerExecutionChain chain = mapping.getHandler(request);
                assertThat(chain).as(method + " " + path).isNotNull();
                assertThat(((HandlerMethod) chain.getHandler()).getMethod().getName()).isEqualTo("action");
                assertThat(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE))
                        .isEqualTo(Map.of("name", path.substring(path.lastIndexOf('/') + 1)));
            }
        }
    }

    @Test
    void everythingElseFallsThroughToTheApplicationsMapping() throws Exception {
        assertThat(mapping.getHandler(new MockHttpServletRequest("DELETE", "/api/3/action/package_show"))).isNull();
        assertThat(mapping.getHandler(new MockHttpServletRequest("GET", "/datastore/dump/x"))).isNull();
        assertThat(mapping.getHandler(new MockHttpServletRequest("GET", "/api/v1/open/stats"))).isNull();
        assertThat(anonymous.get("/api/3/action/status_show").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/open/stats").status()).isEqualTo(200);
    }
}
