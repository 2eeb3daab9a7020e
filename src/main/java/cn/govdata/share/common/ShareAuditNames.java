package cn.govdata.share.common;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.audit.QueriedObjectNames;

/** Applications, grants and objections in the audit log by the catalog entry they are about. */
@Component
class ShareAuditNames extends QueriedObjectNames {

    ShareAuditNames(JdbcClient jdbc) {
        super(jdbc, Map.of("share-application", "select id, entry_name from share_application where id in (:ids)",
                "share-grant", "select id, entry_name from share_grant where id in (:ids)",
                "share-objection", "select id, entry_name from share_objection where id in (:ids)"));
    }
}
