package cn.govdata.share.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

import cn.govdata.support.ApiIntegrationTest;

/**
 * The data access interfaces' own mapping finds their handlers (with the entry's id as the path variable) and
 * leaves everything else — other methods, the grant's interface description, other paths — to Spring MVC's
 * mapping, which answers them as before.
 */
class SharedDataHandlerMappingTest extends ApiIntegrationTest {

    @Autowired
    private SharedDataHandlerMapping mapping;

    @Test
    void verificationQueryAndExchangeAreFoundFirst() throws Exception {
        assertThat(handler("POST", "/api/v1/share/data/42/verification")).isEqualTo("verify");
        assertThat(handler("POST", "/api/v1/share/data/42/query")).isEqualTo("query");
        assertThat(handler("GET", "/api/v1/share/data/42/exchange")).isEqualTo("exchange");
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/share/data/42/verification");
        mapping.getHandler(request);
        assertThat(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)).isEqualTo(Map.of("entryId", "42"));
    }

    @Test
    void everythingElseFallsThroughToTheApplicationsMapping() throws Exception {
        assertThat(mapping.getHandler(new MockHttpServletRequest("GET", "/api/v1/share/data/42/verification"))).isNull();
        assertThat(mapping.getHandler(new MockHttpServletRequest("GET", "/api/v1/share/data/42/openapi.json"))).isNull();
        assertThat(mapping.getHandler(new MockHttpServletRequest("POST", "/api/v1/share/applications"))).isNull();
        // and they are still answered as before: a wrong method is a problem, not a missing page
        assertThat(anonymous.get("/api/v1/share/data/42/verification").status()).isIn(401, 405);
    }

    private String handler(String method, String path) throws Exception {
        HandlerExecutionChain chain = mapping.getHandler(new MockHttpServletRequest(method, path));
        assertThat(chain).as(method + " " + path).isNotNull();
        return ((HandlerMethod) chain.getHandler()).getMethod().getName();
    }
}
