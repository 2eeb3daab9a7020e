package cn.govdata.org;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.audit.AuditObjectNames;

/** Departments, regions, people (by display name) and connected systems in the audit log. */
@Component
class OrgAuditNames implements AuditObjectNames {

    private final JdbcClient jdbc;

    OrgAuditNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> namesOf(String objectType, Collection<String> ids) {
        List<Long> numbers = AuditObjectNames.numeric(ids);
        Map<String, String> names = new HashMap<>();
        if (numbers.isEmpty()) {
            return names;
        }
        switch (objectType) {
            case "department" -> jdbc.sql("select id, name from department where id in (:ids)").param("ids", numbers)
                    .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
            case "region" -> jdbc.sql("select id, name from region where id in (:ids)").param("ids", numbers)
                    .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
            case "user" -> jdbc.sql("select id, coalesce(display_name, username) from user_account where id in (:ids)").param("ids", numbers)
                    .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
            case "system" -> jdbc.sql("select id, name from connected_system where id in (:ids)").param("ids", numbers)
                    .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
            default -> {
            }
        }
        return names;
    }
}
