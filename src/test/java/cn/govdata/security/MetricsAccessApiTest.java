package cn.govdata.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;

/**
 * The operational metrics are for monitoring (issue #11, item 8): a monitoring system (Prometheus with client
 * credentials) or user of the data authority, and its system administrator; no other user or system.
 */
class MetricsAccessApiTest extends ApiIntegrationTest {

    private static final String METRICS = "/actuator/prometheus";

    private Api admin;
    private Dept dept;

    @BeforeEach
    void setUp() {
        admin = admin();
        dept = newDepartment(admin, "监控测试局");
    }

    @Test
    void aMonitoringSystemReadsTheMetricsWithClientCredentials() {
        Api.Response registered = admin.post("/api/v1/systems", Map.of("departmentId", authorityDepartmentId(admin),
                "name", "Prometheus", "role", "MONITORING"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.text("role")).isEqualTo("MONITORING");
        Api prometheus = connectedSystem(registered);
        Api.Response metrics = prometheus.get(METRICS);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests");
        assertThat(admin.get("/api/v1/systems/" + registered.id()).text("role")).isEqualTo("MONITORING");
    }

    @Test
    void aMonitoringUserOfTheAuthorityReadsTheMetrics() {
        Api operator = newUser(admin, authorityDepartmentId(admin), Role.MONITORING).api();
        assertThat(operator.get(METRICS).status()).isEqualTo(200);
    }

    @Test
    void otherUsersAndBusinessSystemsDoNot() {
        Api.Response registered = admin.post("/api/v1/systems", Map.of("departmentId", dept.id(), "name", "业务系统"));
        assertThat(registered.text("role")).isEqualTo("DATA_USER");
        List<Api> others = List.of(connectedSystem(registered), newUser(admin, dept.id(), Role.DATA_USER).api(),
                newUser(admin, dept.id(), Role.DEPARTMENT_ADMIN).api(),
                newUser(admin, authorityDepartmentId(admin), Role.SECURITY_ADMIN).api(),
                newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN).api());
        for (Api other : others) {
            Api.Response refused = other.get(METRICS);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("FORBIDDEN");
        }
        assertThat(anonymous.get(METRICS).status()).isEqualTo(401);
    }

    @Test
    void onlyTheAuthoritysSystemAdministratorRegistersAMonitoringSystem() {
        Api authorityDepartmentAdmin = newUser(admin, authorityDepartmentId(admin), Role.DEPARTMENT_ADMIN).api();
        Api.Response byDepartmentAdmin = authorityDepartmentAdmin.post("/api/v1/systems", Map.of("departmentId",
                authorityDepartmentId(admin), "name", "Prometheus", "role", "MONITORING"));
        assertThat(byDepartmentAdmin.status()).isEqualTo(403);

        Api.Response elsewhere = admin.post("/api/v1/systems", Map.of("departmentId", dept.id(), "name", "Prometheus",
                "role", "MONITORING"));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.code()).isEqualTo("ROLE_NOT_ALLOWED");

        Api.Response administrator = admin.post("/api/v1/systems", Map.of("departmentId", authorityDepartmentId(admin),
                "name", "管理脚本", "role", "SYSTEM_ADMIN"));
        assertThat(administrator.code()).isEqualTo("ROLE_NOT_ALLOWED");

        Api.Response monitoringUserElsewhere = admin.post("/api/v1/users", Map.of("username", "m" + unique(),
                "displayName", "监控", "departmentId", dept.id(), "roles", List.of("MONITORING"),
                "initialPassword", "Initial-Pass-2026"));
        assertThat(monitoringUserElsewhere.code()).isEqualTo("ROLE_NOT_ALLOWED");
    }
}
