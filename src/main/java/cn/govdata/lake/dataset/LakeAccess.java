package cn.govdata.lake.dataset;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * Who may do what in the lake: one method per permission, used by every service of the lake before it acts.
 * A check throws the problem the caller gets: an object the caller may not see is not found (404), so that no
 * one learns what another department holds; an action on an object the caller sees but may not take is
 * forbidden (403).
 *
 * <p>Three kinds of people act in the lake: the dataset's department (its data provider, or its connected
 * system, delivers; its head approves deletions), the region's data authority (it sees every dataset of the
 * region, and its officers — catalog reviewers and system administrators — decide), and everyone else, to
 * whom another department's objects do not exist.
 */
public final class LakeAccess {

    /** In which role a discrepancy is resolved: decided by the authority, or settled by a side. */
    public enum DiscrepancyRole { AUTHORITY, SIDE }

    private LakeAccess() {
    }

    // --- seeing ---------------------------------------------------------------------------------------------

    /** Lists show the region's objects to the data authority, the caller's department's to anyone else. */
    public static boolean seesRegion(Actor actor) {
        return actor.authority();
    }

    /** An object of a department of the caller's region is seen by that department and the data authority. */
    public static boolean sees(Actor actor, long departmentId) {
        return actor.authority() || actor.departmentId() == departmentId;
    }

    /** A dataset, its batches, rules, cycle exceptions and deletion requests: its department and the authority. */
    static void seeDataset(Actor actor, Dataset dataset) {
        if (dataset.departmentId() != actor.departmentId()
                && !(actor.authority() && actor.regionId() == dataset.regionId())) {
            throw DomainException.notFound("dataset", dataset.id());
        }
    }

    /** Records are read by the dataset's department only: the authority sees datasets, not their data. */
    static void readRecords(Actor actor, Dataset dataset) {
        if (dataset.departmentId() != actor.departmentId()) {
            throw DomainException.notFound("dataset", dataset.id());
        }
    }

    // --- datasets and their deliveries ------------------------------------------------------------------------

    /** The providing department's data provider creates the dataset of its published entry. */
    static void createDataset(Actor actor, long entryDepartmentId) {
        requireProvider(actor, entryDepartmentId);
    }

    /** The department's data provider files the period it can keep instead of the catalog's cycle. */
    static void fileCycleException(Actor actor, Dataset dataset) {
        requireProvider(actor, dataset.departmentId());
    }

    /** An officer of the region's data authority accepts or rejects a filed period. */
    static void decideCycleException(Actor actor, Dataset dataset) {
        requireAuthorityOfficer(actor, dataset.regionId());
    }

    /** The department's data provider submits, cancels and reads the rejected rows of bulk batches. */
    public static void ingest(Actor actor, Dataset dataset) {
        requireProvider(actor, dataset.departmentId());
    }

    /**
     * A batch held for a secrecy marking (SEC-3) is released or discarded by the providing department's security
     * officer — its department administrator, who answers for the department's data security — or by the
     * security administrator of the region's data authority; never by whoever uploaded it (four eyes).
     */
    public static void decideHeldBatch(Actor actor, Dataset dataset, String uploadedBy) {
        boolean officer = actor.kind() == Actor.Kind.USER
                && (actor.departmentId() == dataset.departmentId() && actor.has(Role.DEPARTMENT_ADMIN)
                        || actor.authority() && actor.regionId() == dataset.regionId() && actor.has(Role.SECURITY_ADMIN));
        if (!officer) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        if (actor.name().equals(uploadedBy)) {
            throw new DomainException(ProblemCode.SELF_APPROVAL);
        }
    }

    /**
     * The department's connected systems and data providers push records; a system or provider of another
     * department does not learn that the dataset exists.
     */
    public static void pushRecords(Actor actor, Dataset dataset) {
        if (dataset.departmentId() != actor.departmentId()) {
            throw DomainException.notFound("dataset", dataset.id());
        }
        if (actor.kind() == Actor.Kind.USER && !actor.has(Role.DATA_PROVIDER)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /**
     * A person of the dataset's department who answers for a correction (data provider or share approver)
     * corrects a record; to another department the entry has no dataset.
     */
    /** Rotates the keys that seal the lake's personal information, and sees them: the authority's security administrator. */
    public static void manageKeys(Actor actor) {
        if (!actor.authority() || !actor.has(Role.SECURITY_ADMIN)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    public static void correctRecord(Actor actor, Dataset dataset) {
        if (dataset.departmentId() != actor.departmentId()) {
            throw DomainException.notFound("dataset", dataset.entryId());
        }
        if (actor.kind() != Actor.Kind.USER || !actor.hasAny(Role.DATA_PROVIDER, Role.SHARE_APPROVER)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** The department's data provider or an officer of the data authority adds and retires extension rules. */
    public static void keepRules(Actor actor, Dataset dataset) {
        boolean provider = actor.departmentId() == dataset.departmentId() && actor.has(Role.DATA_PROVIDER);
        if (!provider && !authorityOfficer(actor, dataset.regionId())) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    // --- governance -----------------------------------------------------------------------------------------

    /** An officer of the data authority designates the region's authoritative sources. */
    public static void designateSources(Actor actor) {
        requireAuthorityOfficer(actor, actor.regionId());
    }

    /** An officer of the data authority decides a repeated collection. */
    public static void decideRepeatedCollection(Actor actor) {
        requireAuthorityOfficer(actor, actor.regionId());
    }

    /** An officer of the data authority compares the region's datasets. */
    public static void scanDiscrepancies(Actor actor) {
        requireAuthorityOfficer(actor, actor.regionId());
    }

    /**
     * An open discrepancy is decided by an officer of the data authority, or settled by the data provider or
     * head of a department holding one of its sides.
     */
    public static DiscrepancyRole resolveDiscrepancy(Actor actor, long departmentA, long departmentB) {
        if (authorityOfficer(actor, actor.regionId())) {
            return DiscrepancyRole.AUTHORITY;
        }
        if ((departmentA == actor.departmentId() || departmentB == actor.departmentId())
                && actor.hasAny(Role.DATA_PROVIDER, Role.DEPARTMENT_ADMIN)) {
            return DiscrepancyRole.SIDE;
        }
        throw new DomainException(ProblemCode.FORBIDDEN);
    }

    /** The department's data provider asks for records of its dataset to be deleted. */
    public static void requestDeletion(Actor actor, Dataset dataset) {
        requireProvider(actor, dataset.departmentId());
    }

    /**
     * The department's head or an officer of the data authority approves or rejects a deletion request; never
     * the one who asked for it (four eyes).
     */
    public static void decideDeletion(Actor actor, Dataset dataset, String requesterKind, long requesterId) {
        boolean head = actor.departmentId() == dataset.departmentId() && actor.has(Role.DEPARTMENT_ADMIN);
        if (!head && !authorityOfficer(actor, dataset.regionId())) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        if (requesterKind.equals(actor.kind().name()) && requesterId == actor.id()) {
            throw new DomainException(ProblemCode.SELF_APPROVAL);
        }
    }

    /** A person of a department (data provider or head) files a purchase of social data. */
    public static void filePurchase(Actor actor) {
        if (actor.kind() != Actor.Kind.USER || !actor.hasAny(Role.DATA_PROVIDER, Role.DEPARTMENT_ADMIN)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** An officer of the data authority of the filing department's region approves or rejects a purchase. */
    public static void decidePurchase(Actor actor, long regionId) {
        requireAuthorityOfficer(actor, regionId);
    }

    // --- the two roles behind most permissions ----------------------------------------------------------------

    private static void requireProvider(Actor actor, long departmentId) {
        if (actor.departmentId() != departmentId || !actor.has(Role.DATA_PROVIDER)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /**
     * Whether the actor speaks for the region's data authority in lake governance: a user of the authority
     * holding CATALOG_REVIEWER or SYSTEM_ADMIN.
     */
    private static boolean authorityOfficer(Actor actor, long regionId) {
        return actor.authority() && actor.regionId() == regionId
                && actor.hasAny(Role.CATALOG_REVIEWER, Role.SYSTEM_ADMIN);
    }

    private static void requireAuthorityOfficer(Actor actor, long regionId) {
        if (!authorityOfficer(actor, regionId)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }
}
