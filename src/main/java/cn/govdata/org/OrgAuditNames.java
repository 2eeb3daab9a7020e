package cn.govdata.org;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.audit.QueriedObjectNames;

/** Departments, regions, people (by display name) and connected systems in the audit log. */
@Component
class OrgAuditNames extends QueriedObjectNames {

    OrgAuditNames(JdbcClient jdbc) {
        super(jdbc, Map.of("department", "select id, name from department where id in (:ids)",
                "region", "select id, name from region where id in (:ids)",
                "user", "select id, coalesce(display_name, username) from user_account where id in (:ids)",
                "system", "select id, name from connected_system where id in (:ids)"));
    }
}
