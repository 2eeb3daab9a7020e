package cn.govdata.share.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.LegalBasis;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.catalog.PublishedCatalog.PublishedEntry;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.share.WayOfUse;
import cn.govdata.share.application.ShareApplications.Application;
import cn.govdata.share.common.Stage;
import cn.govdata.share.grant.Grants;
import cn.govdata.share.grant.Grants.Grant;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;

/**
 * The share catalog as a department sees it (SHR-1 … SHR-4): the region's published entries by share type,
 * and for each what the department may use now (its active grants), what it holds (all its grants), what it
 * has applied for (open applications), and how it can get the rest: unconditional entries are available on
 * request, conditional ones by application, not-shared ones only through the authority's coordination.
 */
@Service
class ShareCatalogView {

    static final int MAX_SIZE = 100;
    static final int MAX_OFFSET = 1_000_000;

    /** How the caller's department can use an entry now. */
    enum Availability {
        /** the department provides it itself */
        OWN,
        /** an active grant covers it */
        IN_USE,
        /** an application (draft, pending or under coordination) is open */
        APPLIED,
        /** unconditional: granted at once on request */
        AVAILABLE_ON_REQUEST,
        /** conditional: needs a share application */
        APPLICATION_REQUIRED,
        /** not shared: only through the authority's coordination (NX11) */
        COORDINATION_ONLY
    }

    record Item(String name, String chineseName, DataItem.DataType type) {
    }

    record GrantSummary(long id, Grants.Status status, List<String> items, List<WayOfUse> ways, LocalDate validFrom,
            LocalDate validUntil) {
    }

    record ApplicationSummary(long id, ShareApplications.Status status, Stage stage, LocalDate dueOn) {
    }

    record Entry(long entryId, String resourceCode, String name, String summary, long providerDepartmentId,
            String providerDepartmentName, ShareType shareType, String shareTypeName, String shareCondition,
            LegalBasis shareBasis, EntryContent.ShareMethod shareMethod, List<String> applicantMaterials,
            List<Item> dataItems, Availability availability, List<GrantSummary> usableNow, List<GrantSummary> held,
            List<ApplicationSummary> openApplications) {
    }

    record Page(List<Entry> items, long total, int page, int size) {
    }

    private final PublishedCatalog catalog;
    private final Directory directory;
    private final ActivePolicy policy;
    private final Grants grants;
    private final ShareApplications applications;

    ShareCatalogView(PublishedCatalog catalog, Directory directory, ActivePolicy policy, Grants grants,
            ShareApplications applications) {
        this.catalog = catalog;
        this.directory = directory;
        this.policy = policy;
        this.grants = grants;
        this.applications = applications;
    }

    Page view(Actor actor, String shareTypes, Long departmentId, int page, int size) {
        if (page < 0) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("page"), page + " (0 …)");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("size"), size + " (1–" + MAX_SIZE + ")");
        }
        if ((long) page * size > MAX_OFFSET) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("page"), page + " (≤ " + MAX_OFFSET / size + ")");
        }
        List<ShareType> types = new ArrayList<>();
        if (shareTypes != null && !shareTypes.isBlank()) {
            for (String type : shareTypes.split(",")) {
                try {
                    types.add(ShareType.valueOf(type.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("shareType"), type);
                }
            }
        }
        PublishedCatalog.Page found = catalog.byShareType(actor.regionId(), types, departmentId, page * size, size);
        List<Long> ids = found.entries().stream().map(PublishedEntry::id).toList();
        Map<Long, List<Grant>> held = new HashMap<>();
        grants.held(actor.departmentId(), ids).forEach(g -> held.computeIfAbsent(g.entryId(), k -> new ArrayList<>()).add(g));
        Map<Long, List<Application>> open = new HashMap<>();
        applications.open(actor.departmentId(), ids)
                .forEach(a -> open.computeIfAbsent(a.entryId(), k -> new ArrayList<>()).add(a));
        Map<Long, String> names = new HashMap<>();
        List<Entry> entries = found.entries().stream().map(entry -> {
            EntryContent content = entry.content();
            List<GrantSummary> mine = held.getOrDefault(entry.id(), List.of()).stream()
                    .map(g -> new GrantSummary(g.id(), g.status(), g.items(), g.ways(), g.validFrom(), g.validUntil()))
                    .toList();
            List<GrantSummary> usable = mine.stream().filter(g -> g.status() == Grants.Status.ACTIVE).toList();
            List<ApplicationSummary> applied = open.getOrDefault(entry.id(), List.of()).stream()
                    .map(a -> new ApplicationSummary(a.id(), a.status(), a.stage(), a.dueOn())).toList();
            Availability availability;
            if (entry.departmentId() == actor.departmentId()) {
                availability = Availability.OWN;
            } else if (!usable.isEmpty()) {
                availability = Availability.IN_USE;
            } else if (!applied.isEmpty()) {
                availability = Availability.APPLIED;
            } else {
                availability = switch (content.shareType()) {
                    case UNCONDITIONAL -> Availability.AVAILABLE_ON_REQUEST;
                    case CONDITIONAL -> Availability.APPLICATION_REQUIRED;
                    case NOT_SHARED -> Availability.COORDINATION_ONLY;
                };
            }
            return new Entry(entry.id(), entry.resourceCode(), content.name(), content.summary(), entry.departmentId(),
                    names.computeIfAbsent(entry.departmentId(),
                            d -> directory.department(d).map(DepartmentInfo::name).orElse(null)),
                    content.shareType(), policy.profile().shareTypes().get(content.shareType()).zh(),
                    content.shareCondition(), content.shareBasis(), content.shareMethod(),
                    content.applicantMaterials(), content.dataItems().stream()
                            .map(i -> new Item(i.name(), i.chineseName(), i.type())).toList(),
                    availability, usable, mine, applied);
        }).toList();
        return new Page(entries, found.total(), page, size);
    }
}
