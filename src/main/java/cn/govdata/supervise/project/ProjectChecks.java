package cn.govdata.supervise.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.govdata.catalog.CatalogFacts.EntryState;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.EntryContent;
import cn.govdata.lake.LakeFacts.DatasetFact;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.shared.LocalizedText;
import cn.govdata.supervise.project.Project.EntryFacts;
import cn.govdata.supervise.project.Project.Finding;
import cn.govdata.supervise.project.Project.ProjectEntry;
import cn.govdata.supervise.project.Project.Role;

/**
 * The two checks of an information project's catalog (CAT-10, NX20 AB12 AB13 TJ14), over what the catalog and the
 * lake recorded, each finding said in plain words.
 *
 * <p>Before approval: every entry the project produces is drafted by its department with data items, holds the
 * items the project needs, has a share type and, where the type restricts sharing, its legal basis; every entry it
 * uses is published. At acceptance: every entry is published and not retired and still holds the items needed;
 * every entry the project produces has its data aggregated in the lake (a dataset with records, delivered, its
 * next delivery not overdue). The data of entries it only uses is the providing department's duty, not the
 * project's.
 */
final class ProjectChecks {

    private final Function<String, Optional<EntryState>> entries;
    private final Function<ShareType, LocalizedText> shareTypeNames;

    ProjectChecks(Function<String, Optional<EntryState>> entries, Function<ShareType, LocalizedText> shareTypeNames) {
        this.entries = entries;
        this.shareTypeNames = shareTypeNames;
    }

    List<Finding> beforeApproval(long departmentId, List<ProjectEntry> listed) {
        List<Finding> findings = new ArrayList<>();
        if (listed.isEmpty()) {
            findings.add(new Finding("NO_ENTRIES", null, "项目未列出任何数据资源目录。",
                    "The project lists no catalog entries."));
        }
        for (ProjectEntry wanted : listed) {
            String code = wanted.resourceCode();
            Optional<EntryState> found = entries.apply(code);
            if (found.isEmpty()) {
                findings.add(new Finding("ENTRY_NOT_FOUND", code, "目录" + code + "不存在，请先在平台编制该目录。",
                        "Catalog entry " + code + " does not exist; draft it on the platform first."));
                continue;
            }
            EntryState entry = found.get();
            if (entry.retired()) {
                findings.add(new Finding("ENTRY_RETIRED", code, "目录" + named(entry) + "已撤销。",
                        "Catalog entry " + code + " has been retired."));
                continue;
            }
            if (wanted.role() == Role.USES) {
                if (entry.published() == null) {
                    findings.add(notPublished(entry));
                } else {
                    missingItems(entry, entry.published(), wanted.items(), findings);
                }
                continue;
            }
            if (entry.departmentId() != departmentId) {
                findings.add(new Finding("ENTRY_OF_ANOTHER_DEPARTMENT", code, "目录" + named(entry)
                        + "由其他部门编制，本项目不能作为产出目录，可改为“使用”。", "Catalog entry " + code
                        + " is compiled by another department; the project can list it as used, not produced."));
                continue;
            }
            EntryContent content = entry.latest();
            missingItems(entry, content, wanted.items(), findings);
            if (content.shareType() == null) {
                findings.add(new Finding("SHARE_TYPE_MISSING", code, "目录" + named(entry) + "未填写共享类型。",
                        "Catalog entry " + code + " has no share type."));
            } else if (content.shareType() != ShareType.UNCONDITIONAL
                    && (content.shareBasis() == null || !content.shareBasis().isComplete())) {
                LocalizedText type = shareTypeNames.apply(content.shareType());
                findings.add(new Finding("SHARE_BASIS_MISSING", code, "目录" + named(entry) + "为" + type.zh()
                        + "，未注明法律依据（法律法规名称及条款）。", "Catalog entry " + code + " is " + type.en()
                        + " but cites no legal basis (title and article)."));
            }
        }
        return findings;
    }

    /** The facts of each entry at acceptance, and the findings, added to {@code findings}. */
    List<EntryFacts> atAcceptance(List<ProjectEntry> listed, Function<Long, Optional<DatasetFact>> datasetOfEntry,
            List<Finding> findings) {
        List<EntryFacts> facts = new ArrayList<>();
        if (listed.isEmpty()) {
            findings.add(new Finding("NO_ENTRIES", null, "项目未列出任何数据资源目录。",
                    "The project lists no catalog entries."));
        }
        for (ProjectEntry wanted : listed) {
            String code = wanted.resourceCode();
            Optional<EntryState> found = entries.apply(code);
            if (found.isEmpty()) {
                findings.add(new Finding("ENTRY_NOT_FOUND", code, "目录" + code + "不存在。",
                        "Catalog entry " + code + " does not exist."));
                facts.add(new EntryFacts(code, null, wanted.role(), false, null, null, 0, null, null, false));
                continue;
            }
            EntryState entry = found.get();
            boolean published = entry.published() != null && !entry.retired();
            if (!published) {
                findings.add(notPublished(entry));
            } else {
                missingItems(entry, entry.published(), wanted.items(), findings);
            }
            Optional<DatasetFact> dataset = datasetOfEntry.apply(entry.id());
            boolean current = dataset.map(d -> d.records() > 0 && d.lastSuccessAt() != null && !d.overdue())
                    .orElse(false);
            if (wanted.role() == Role.PRODUCES && published) {
                if (dataset.isEmpty() || dataset.get().lastSuccessAt() == null || dataset.get().records() == 0) {
                    findings.add(new Finding("DATA_NOT_AGGREGATED", code, "目录" + named(entry) + "的数据尚未归集到平台。",
                            "The data of catalog entry " + code + " has not been aggregated into the platform."));
                } else if (dataset.get().overdue()) {
                    findings.add(new Finding("AGGREGATION_OVERDUE", code, "目录" + named(entry) + "的数据逾期未更新（应于"
                            + dataset.get().dueOn() + "前更新）。", "The data of catalog entry " + code
                            + " is overdue (its update was due by " + dataset.get().dueOn() + ")."));
                }
            }
            facts.add(new EntryFacts(code, name(entry), wanted.role(), published,
                    published ? entry.publishedAt() : null, dataset.map(DatasetFact::id).orElse(null),
                    dataset.map(DatasetFact::records).orElse(0L), dataset.map(DatasetFact::lastSuccessAt).orElse(null),
                    dataset.map(DatasetFact::dueOn).orElse(null), current));
        }
        return facts;
    }

    private static Finding notPublished(EntryState entry) {
        return new Finding("ENTRY_NOT_PUBLISHED", entry.resourceCode(), "目录" + named(entry) + "尚未发布。",
                "Catalog entry " + entry.resourceCode() + " is not published.");
    }

    private static void missingItems(EntryState entry, EntryContent content, List<String> needed,
            List<Finding> findings) {
        if (content.dataItems().isEmpty()) {
            findings.add(new Finding("DATA_ITEMS_MISSING", entry.resourceCode(), "目录" + named(entry) + "未填写信息项。",
                    "Catalog entry " + entry.resourceCode() + " has no data items."));
            return;
        }
        Set<String> held = content.dataItems().stream().map(DataItem::chineseName)
                .filter(java.util.Objects::nonNull).map(String::strip).collect(Collectors.toSet());
        for (String item : needed) {
            if (!held.contains(item.strip())) {
                findings.add(new Finding("DATA_ITEM_MISSING", entry.resourceCode(), "目录" + named(entry) + "缺少信息项“"
                        + item.strip() + "”。", "Catalog entry " + entry.resourceCode() + " lacks the data item "
                        + item.strip() + "."));
            }
        }
    }

    private static String name(EntryState entry) {
        return entry.published() != null ? entry.published().name() : entry.latest().name();
    }

    private static String named(EntryState entry) {
        return entry.resourceCode() + "（" + name(entry) + "）";
    }
}
