package cn.govdata.federation.peer;

import cn.govdata.audit.AuditAction;

/** What the federation records in the audit log, by the names stored there (they never change). */
public enum FederationAuditAction implements AuditAction {
    PEER_REGISTER("federation.peer.register"),
    PEER_ENABLE("federation.peer.enable"),
    PEER_DISABLE("federation.peer.disable"),
    PEER_DELETE("federation.peer.delete"),
    CASCADE_RECEIVE("federation.cascade.receive"),
    CASCADE_RETIRE("federation.cascade.retire"),
    HARVEST_SOURCE_REGISTER("federation.harvest.source.register"),
    HARVEST_SOURCE_ENABLE("federation.harvest.source.enable"),
    HARVEST_SOURCE_DISABLE("federation.harvest.source.disable"),
    HARVEST_SOURCE_DELETE("federation.harvest.source.delete"),
    HARVEST_RUN("federation.harvest.run"),
    REMOTE_APPLY("federation.remote.apply"),
    REMOTE_ATTACH("federation.remote.attach"),
    REMOTE_SUBMIT("federation.remote.submit"),
    RELAY_QUERY("federation.relay.query"),
    RELAY_VERIFICATION("federation.relay.verification");

    private final String code;

    FederationAuditAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
