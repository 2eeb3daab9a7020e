package cn.govdata.open.release;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.audit.QueriedObjectNames;

/** Open datasets in the audit log by their title. */
@Component
class OpenAuditNames extends QueriedObjectNames {

    OpenAuditNames(JdbcClient jdbc) {
        super(jdbc, Map.of("open-dataset", "select id, coalesce(title, name) from open_dataset where id in (:ids)"));
    }
}
