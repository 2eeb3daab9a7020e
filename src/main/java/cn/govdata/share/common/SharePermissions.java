package cn.govdata.share.common;

import java.util.List;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * Who may do what in sharing: every rule of access of the module, one method per permission. A {@code require…}
 * method refuses with 403 ({@code FORBIDDEN}, or {@code SELF_APPROVAL}); a {@code sees…} method answers whether the
 * caller may know the thing exists at all — the caller then answers 404, so that another department's things are
 * not revealed.
 *
 * <p>Applications are made by a department's data users (people, not systems: a person answers for the purpose);
 * the providing department's share approver and the authority's share approver decide. The authority decides with
 * the role SHARE_APPROVER held by a user of the data authority, not with CATALOG_REVIEWER: reviewing the catalog
 * and deciding who may use data are different duties, and an authority may give them to different people. An
 * objection is also overseen by the authority's catalog reviewers, who raise objections for citizens.
 */
public final class SharePermissions {

    private SharePermissions() {
    }

    // --- applications and coordination -------------------------------------------------------------------------

    /**
     * Requests data, drafts an application or asks for coordination: a data user (a person, not a system), or
     * another platform's link applying for a department of that platform ({@link #peerPlatform}).
     */
    public static void requireApplicant(Actor actor) {
        require(dataUser(actor) || peerPlatform(actor));
    }

    /**
     * Another platform's link (SHR-10): a connected system of this region's data authority that may use data, the
     * one kind of system another platform signs in as. It applies, attaches and submits on behalf of a department of
     * its own platform, and uses what is granted through it; everything it does is audited as its own.
     */
    public static boolean peerPlatform(Actor actor) {
        return actor.kind() == Actor.Kind.SYSTEM && actor.authority() && actor.has(Role.DATA_USER);
    }

    /**
     * Sees an application: the applicant department always; once submitted, the providing department and the
     * share approver of the region's data authority.
     */
    public static boolean seesApplication(Actor actor, Parties application, boolean draft) {
        if (actor.departmentId() == application.consumerDepartmentId()) {
            return true;
        }
        return !draft && (actor.departmentId() == application.providerDepartmentId()
                || authorityApprover(actor, application.regionId()));
    }

    /**
     * Changes, submits or withdraws an application, attaches its materials, takes it to coordination: a data user
     * of the applicant department, or the other platform's link that made it.
     */
    public static void requireActsForApplicant(Actor actor, Parties application) {
        require(actor.departmentId() == application.consumerDepartmentId() && (dataUser(actor) || peerPlatform(actor)));
    }

    /**
     * Decides at a stage: the provider's share approver at the provider stage, the authority's at the authority
     * stage; never the applicant department itself ({@code SELF_APPROVAL}).
     */
    public static void requireDecides(Actor actor, Parties application, Stage stage) {
        require(stage == Stage.PROVIDER ? providerApprover(actor, application.providerDepartmentId())
                : authorityApprover(actor, application.regionId()));
        requireNotApplicant(actor, application);
    }

    /** The applicant department never decides its own application, nor its coordination. */
    public static void requireNotApplicant(Actor actor, Parties application) {
        if (actor.departmentId() == application.consumerDepartmentId()) {
            throw new DomainException(ProblemCode.SELF_APPROVAL);
        }
    }

    /** Has an inbox of applications to decide: a share approver. */
    public static void requireShareApprover(Actor actor) {
        require(actor.has(Role.SHARE_APPROVER));
    }

    /** Decides at the provider stage for its own department's entries. */
    public static boolean decidesForOwnDepartment(Actor actor) {
        return providerApprover(actor, actor.departmentId());
    }

    /** Decides at the authority stage, and coordinates, for its own region. */
    public static boolean decidesForOwnRegion(Actor actor) {
        return authorityApprover(actor, actor.regionId());
    }

    /**
     * Oversees the region's applications and grants (side AUTHORITY, the overdue list): the share approver of the
     * region's data authority.
     */
    public static void requireOverseesRegion(Actor actor) {
        require(decidesForOwnRegion(actor));
    }

    /** Records and decides the coordination of an application (NX11): the authority's share approver. */
    public static void requireCoordinates(Actor actor, Parties application) {
        require(authorityApprover(actor, application.regionId()));
    }

    // --- grants ------------------------------------------------------------------------------------------------

    /** Sees a grant: its consumer's and its provider's departments, and the authority's share approver. */
    public static boolean seesGrant(Actor actor, Parties grant) {
        return actor.departmentId() == grant.consumerDepartmentId()
                || actor.departmentId() == grant.providerDepartmentId() || authorityApprover(actor, grant.regionId());
    }

    /** Revokes a grant: the provider's or the authority's share approver. */
    public static void requireRevokes(Actor actor, Parties grant) {
        require(providerApprover(actor, grant.providerDepartmentId()) || authorityApprover(actor, grant.regionId()));
    }

    /** Starts the renewal of a grant: a data user of its consumer department. */
    public static void requireRenews(Actor actor, Parties grant) {
        require(dataUser(actor));
        require(actor.departmentId() == grant.consumerDepartmentId());
    }

    /**
     * Uses a grant of its department: a connected system the grant names, or a data user (the grant admits the
     * department's data users, not named persons).
     */
    public static boolean usesGrant(Actor actor, List<Long> grantSystems) {
        if (actor.kind() == Actor.Kind.SYSTEM) {
            return grantSystems.contains(actor.id());
        }
        return actor.has(Role.DATA_USER);
    }

    // --- usage records -----------------------------------------------------------------------------------------

    /** Reads usage records: people in the console; a connected system uses data, it does not oversee it. */
    public static void requireReadsUsage(Actor actor) {
        require(actor.kind() == Actor.Kind.USER);
    }

    /** Reads the region's usage (side AUTHORITY): a user of the region's data authority. */
    public static void requireReadsRegionUsage(Actor actor) {
        require(actor.authority());
    }

    /** Sees the uses of a grant: both its departments and the users of the region's data authority. */
    public static boolean seesUsage(Actor actor, Parties grant) {
        return actor.departmentId() == grant.consumerDepartmentId()
                || actor.departmentId() == grant.providerDepartmentId()
                || actor.authority() && actor.regionId() == grant.regionId();
    }

    // --- objections --------------------------------------------------------------------------------------------

    /**
     * An officer of the region's data authority for objections (a share approver or a catalog reviewer): raises
     * them for citizens on any published entry of the region.
     */
    public static boolean objectionOfficer(Actor actor, long regionId) {
        return actor.kind() == Actor.Kind.USER && actor.authority() && actor.regionId() == regionId
                && actor.hasAny(Role.SHARE_APPROVER, Role.CATALOG_REVIEWER);
    }

    /** Lists the region's objections and what is overdue, forwards an objection: an officer of the authority. */
    public static void requireObjectionOfficer(Actor actor, long regionId) {
        require(objectionOfficer(actor, regionId));
    }

    /** Raises an objection under its department's grant: a person, not a connected system. */
    public static void requireRaisesUnderGrant(Actor actor) {
        require(actor.kind() == Actor.Kind.USER);
    }

    /** Sees an objection: of its region, the raising and the providing departments and the authority's officers. */
    public static boolean seesObjection(Actor actor, Parties objection) {
        boolean party = actor.departmentId() == objection.consumerDepartmentId()
                || actor.departmentId() == objection.providerDepartmentId()
                || objectionOfficer(actor, objection.regionId());
        return party && actor.regionId() == objection.regionId();
    }

    /** Adds evidence to an objection: a user of the raising department. */
    public static void requireAddsEvidence(Actor actor, Parties objection) {
        require(objection.consumerDepartmentId() == actor.departmentId() && actor.kind() == Actor.Kind.USER);
    }

    /**
     * Checks an objection — corrects the record, confirms it, asks for an extension: the providing department's
     * data provider or share approver.
     */
    public static void requireChecksObjection(Actor actor, Parties objection) {
        require(actor.kind() == Actor.Kind.USER && actor.departmentId() == objection.providerDepartmentId()
                && actor.hasAny(Role.DATA_PROVIDER, Role.SHARE_APPROVER));
    }

    /**
     * Consents to or refuses an extension of the check: the providing department's department admin or share
     * approver, or an officer of the authority (never the person who asked, which the objection decides).
     */
    public static void requireDecidesExtension(Actor actor, Parties objection) {
        require(actor.kind() == Actor.Kind.USER && (actor.departmentId() == objection.providerDepartmentId()
                && actor.hasAny(Role.DEPARTMENT_ADMIN, Role.SHARE_APPROVER)
                || objectionOfficer(actor, objection.regionId())));
    }

    /**
     * Holds the data an objection is about: the providing department, which corrects it, sees its own values; anyone
     * else only what its grant lets leave.
     */
    public static boolean holdsData(Actor actor, Parties objection) {
        return actor.departmentId() == objection.providerDepartmentId();
    }

    // --- subscriptions -----------------------------------------------------------------------------------------

    /** Sees and manages every subscription of its department: a data user; a connected system only its own. */
    public static boolean seesDepartmentSubscriptions(Actor actor) {
        return dataUser(actor);
    }

    /** Sees and manages a subscription: the system or user that registered it, and its department's data users. */
    public static boolean seesSubscription(Actor actor, long consumerDepartmentId, Actor.Kind ownerKind, long ownerId) {
        return consumerDepartmentId == actor.departmentId()
                && (seesDepartmentSubscriptions(actor) || ownerKind == actor.kind() && ownerId == actor.id());
    }

    // --- the roles they rest on --------------------------------------------------------------------------------

    private static boolean dataUser(Actor actor) {
        return actor.kind() == Actor.Kind.USER && actor.has(Role.DATA_USER);
    }

    /** The providing department's share approver. */
    private static boolean providerApprover(Actor actor, long providerDepartmentId) {
        return actor.kind() == Actor.Kind.USER && actor.departmentId() == providerDepartmentId
                && actor.has(Role.SHARE_APPROVER);
    }

    /** The share approver of the region's data authority. */
    private static boolean authorityApprover(Actor actor, long regionId) {
        return actor.kind() == Actor.Kind.USER && actor.authority() && actor.regionId() == regionId
                && actor.has(Role.SHARE_APPROVER);
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }
}
