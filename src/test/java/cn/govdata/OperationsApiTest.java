package cn.govdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;

class OperationsApiTest extends ApiIntegrationTest {

    @Test
    void healthIsOpenForLoadBalancers() {
        Api.Response health = anonymous.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsNeedATokenAndIncludeHttpTimings() {
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        Api admin = admin();
        admin.get("/api/v1/regions");
        Api.Response metrics = admin.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count");
    }

    @Test
    void theApiIsDescribedInOpenApiWithSwaggerUi() {
        Api.Response docs = anonymous.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asString()).startsWith("3.");
        assertThat(docs.json().get("paths").has("/api/v1/auth/login")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/departments/{id}")).isTrue();
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
