package cn.govdata.security.incident;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.govdata.audit.AuditFailures;
import cn.govdata.audit.AuditFailures.Failure;
import cn.govdata.org.Directory;
import cn.govdata.security.incident.Incidents.Type;

/**
 * Watches the audit log for two suspicious patterns and raises a draft incident for each (SEC-5): a caller — a
 * connected system, usually — refused again and again outside its grants ({@code share.authorize} failures), and
 * logins failing across many accounts from one address ({@code auth.login} failures: password spraying). A draft is
 * raised once per caller or address until it is closed; the security administrator confirms or closes it.
 */
@Component
class IncidentSignals {

    static final String AUTHORIZE = "share.authorize";
    static final String LOGIN = "auth.login";

    private final AuditFailures failures;
    private final Incidents incidents;
    private final Directory directory;
    private final Duration window;
    private final int refusals;
    private final int accounts;

    IncidentSignals(AuditFailures failures, Incidents incidents, Directory directory,
            @Value("${govdata.security.signals.window:PT1H}") Duration window,
            @Value("${govdata.security.signals.refusals:5}") int refusals,
            @Value("${govdata.security.signals.accounts-per-address:5}") int accounts) {
        this.failures = failures;
        this.incidents = incidents;
        this.directory = directory;
        this.window = window;
        this.refusals = refusals;
        this.accounts = accounts;
    }

    @Scheduled(fixedDelayString = "${govdata.security.signals.interval:PT10M}", initialDelayString = "PT5M")
    void scheduled() {
        scan();
    }

    /** Looks at the window just past; returns how many drafts were raised. */
    int scan() {
        var since = Incidents.now().minus(window);
        int raised = 0;
        record Caller(String actor, Long departmentId) {
        }
        Map<Caller, Integer> refused = new HashMap<>();
        for (Failure failure : failures.since(AUTHORIZE, since)) {
            refused.merge(new Caller(failure.actor(), failure.actorDepartmentId()), 1, Integer::sum);
        }
        for (var caller : refused.entrySet()) {
            if (caller.getValue() < refusals) {
                continue;
            }
            Long department = caller.getKey().departmentId();
            Long region = department == null ? null
                    : directory.department(department).map(Directory.DepartmentInfo::regionId).orElse(null);
            String name = caller.getKey().actor();
            raised += incidents.draft(region, Type.UNAUTHORIZED_ACCESS, "调用方“" + name + "”多次在授权范围外访问被拒",
                    name + " refused " + caller.getValue() + " times outside its grants within " + window,
                    "authorize:" + name, department == null ? Set.of() : Set.of(department)) ? 1 : 0;
        }
        Map<String, Set<String>> byAddress = new HashMap<>();
        for (Failure failure : failures.since(LOGIN, since)) {
            if (failure.clientAddress() != null) {
                byAddress.computeIfAbsent(failure.clientAddress(), a -> new HashSet<>()).add(failure.actor());
            }
        }
        for (var address : byAddress.entrySet()) {
            if (address.getValue().size() < accounts) {
                continue;
            }
            raised += incidents.draft(null, Type.ATTACK, "来自 " + address.getKey() + " 的登录在多个账号上失败",
                    "logins failed for " + address.getValue().size() + " accounts from " + address.getKey() + " within "
                            + window, "logins:" + address.getKey(), Set.of()) ? 1 : 0;
        }
        return raised;
    }
}
