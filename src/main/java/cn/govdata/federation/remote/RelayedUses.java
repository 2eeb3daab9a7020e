package cn.govdata.federation.remote;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.audit.AuditOutcome;
import cn.govdata.federation.FederationAccess;
import cn.govdata.federation.peer.FederationAuditAction;
import cn.govdata.federation.peer.PeerClient;
import cn.govdata.federation.peer.PeerClient.Answer;
import cn.govdata.federation.peer.PeerClient.Target;
import cn.govdata.org.Directory;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import tools.jackson.databind.JsonNode;

/**
 * Uses of another platform's grant through this one (SHR-10): a department's system (or data user) calls the same
 * data access interfaces as for this platform's data, under {@code /api/v1/federation/data/{entry here}}; this
 * platform checks that the department holds the approved application and that the caller is one of the systems it
 * named, records the use in its own audit log (who, department, the grant there, purpose, what was asked, the
 * answer), and relays the call to the platform that keeps the data, as its link there, saying for whom. That
 * platform applies the grant and its masking — the one gate — and records the use too, naming the system and
 * department here. Its answer, data or problem, is passed back as it came.
 */
@Service
class RelayedUses {

    /** The header that tells the providing platform for whom its link calls (UTF-8, percent-encoded). */
    static final String RELAYED_FOR = "X-Govdata-Relayed-For";

    enum Operation {
        QUERY("query", FederationAuditAction.RELAY_QUERY), VERIFICATION("verification",
                FederationAuditAction.RELAY_VERIFICATION);

        final String path;
        final FederationAuditAction action;

        Operation(String path, FederationAuditAction action) {
            this.path = path;
            this.action = action;
        }
    }

    private final RemoteApplications applications;
    private final PeerClient client;
    private final Directory directory;
    private final AuditLog audit;

    RelayedUses(RemoteApplications applications, PeerClient client, Directory directory, AuditLog audit) {
        this.applications = applications;
        this.client = client;
        this.directory = directory;
        this.audit = audit;
    }

    Answer relay(Actor actor, long entryId, Operation operation, JsonNode request) {
        FederationAccess.requireRelayUser(actor);
        RemoteApplication application = applications.granted(actor, entryId).orElse(null);
        if (application == null) {
            audit.record(AuditEvent.failure(operation.action, "catalog-entry", entryId,
                    "no granted application of the department covers the caller"));
            throw new DomainException(ProblemCode.NO_GRANT, entryId);
        }
        String department = directory.department(actor.departmentId()).map(Directory.DepartmentInfo::name)
                .orElse("");
        String relayedFor = (actor.kind() == Actor.Kind.SYSTEM ? "系统 " : "") + actor.name() + "，" + department;
        Answer answer;
        Target target = null;
        try {
            target = applications.target(application);
            answer = client.send(target, "POST", "/api/v1/share/data/" + application.remoteEntryId() + "/"
                    + operation.path, request, Map.of(RELAYED_FOR, URLEncoder.encode(relayedFor,
                            StandardCharsets.UTF_8)));
        } catch (DomainException unavailable) {
            audit.record(new AuditEvent(operation.action, "federation-remote-application",
                    Long.toString(application.id()), AuditOutcome.FAILURE, what(application, application.platform(),
                            request) + ": " + unavailable.getMessage(), application.purpose(), grant(application)));
            throw unavailable;
        }
        audit.record(new AuditEvent(operation.action, "federation-remote-application",
                Long.toString(application.id()), answer.ok() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                what(application, target.name(), request) + ", answered HTTP " + answer.status(), application.purpose(),
                grant(application)));
        if (answer.ok()) {
            applications.used(application.id());
        }
        return answer;
    }

    /** The use as the audit log keeps it: which data of which platform, and the shape of the request, no value. */
    private static String what(RemoteApplication application, String platform, JsonNode request) {
        StringBuilder shape = new StringBuilder();
        if (request != null) {
            request.propertyNames().forEach(name -> shape.append(shape.isEmpty() ? "" : ", ").append(name));
        }
        return application.resourceCode() + " of " + platform + " under its grant " + application.grantId()
                + " (" + shape + ")";
    }

    /** The grant on the providing platform (named with it in the detail). */
    private static String grant(RemoteApplication application) {
        return String.valueOf(application.grantId());
    }
}
