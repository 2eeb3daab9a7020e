package cn.govdata.federation.cascade;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.ForeignEntries;
import cn.govdata.federation.peer.FederationAuditAction;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/**
 * The upper end of the catalog cascade: a lower platform, signed in as a connected system of this platform's data
 * authority, delivers its published entries and retirements. They are kept by the catalog, keyed by that system
 * (the lower platform as this one knows it) and the entry's id there, in the system's region.
 */
@Service
class CascadeReceiver {

    private final ForeignEntries foreign;
    private final AuditLog audit;

    CascadeReceiver(ForeignEntries foreign, AuditLog audit) {
        this.foreign = foreign;
        this.audit = audit;
    }

    @Transactional
    void receive(Actor actor, long originEntryId, CatalogDelivery delivery) {
        requirePeerSystem(actor);
        ForeignEntries.Origin origin = new ForeignEntries.Origin(originKey(actor), delivery.platform().strip(),
                delivery.baseUrl().strip());
        CatalogDelivery.Region region = delivery.region();
        boolean changed = foreign.put(new ForeignEntries.ForeignEntry(origin, originEntryId, actor.regionId(),
                delivery.department().name().strip(), delivery.department().creditCode(),
                region == null ? null : region.divisionCode(), region == null ? null : region.name(),
                delivery.resourceCode().strip(), delivery.version(), delivery.content()));
        if (changed) {
            audit.record(AuditEvent.success(FederationAuditAction.CASCADE_RECEIVE, "foreign-entry",
                    origin.key() + "/" + originEntryId,
                    origin.platform() + " " + delivery.resourceCode() + " v" + delivery.version()));
        }
    }

    @Transactional
    void retire(Actor actor, long originEntryId) {
        requirePeerSystem(actor);
        ForeignEntries.Origin origin = new ForeignEntries.Origin(originKey(actor), null, null);
        if (foreign.retire(origin, originEntryId)) {
            audit.record(AuditEvent.success(FederationAuditAction.CASCADE_RETIRE, "foreign-entry",
                    origin.key() + "/" + originEntryId, actor.name()));
        }
    }

    /** A lower platform is known here by the connected system it signs in as. */
    private static String originKey(Actor actor) {
        return "system:" + actor.id();
    }

    /**
     * Only the data authority's connected systems deliver catalogs: a department's business system must not place
     * entries in the region's catalog.
     */
    private static void requirePeerSystem(Actor actor) {
        if (actor.kind() != Actor.Kind.SYSTEM || !actor.authority()) {
            throw new DomainException(ProblemCode.NOT_A_PEER_SYSTEM);
        }
    }
}
