package cn.govdata.open.release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.GradeRules;
import cn.govdata.open.desensitise.DefaultRules;
import cn.govdata.open.desensitise.ItemRule;
import cn.govdata.open.desensitise.PersonalDataScan;
import cn.govdata.open.desensitise.PersonalValues.Kind;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.shared.MaskingRule;
import cn.govdata.shared.LocalizedText;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;

/**
 * The rules of opening, as the regulations put them: only what the catalog lists as open may be opened (YT23,
 * AB31, FZ16) and never classified data (SEC-3); nothing in a region whose text opens nothing (Ningxia);
 * personal information and commercial secrets leave desensitised (OPN-4, FZ14, AB31) — an item the catalog marks
 * so, or in which citizen ID numbers or bank cards were found, never as stored; an item in which the scan found
 * personal data nobody marked is opened only once the provider has named its rule (which may be "as stored" for
 * a public office's telephone or address, but is then a decision on record); and where the text has the data
 * authority open the data (FZ14, FZ15; Taijiang follows Fuzhou), an opening waits for its confirmation. Core data
 * is never opened and important data never unconditionally ({@link GradeRules}, SEC-4).
 */
@Component
class OpeningPolicy {

    static final LocalizedText REGION_OPENS_NOTHING = new LocalizedText("本地区的规定不向社会开放政务数据",
            "the region's rules do not open government data to the public");
    static final LocalizedText CLASSIFIED = new LocalizedText("涉密信息资源不得开放", "classified data is never opened");
    static final LocalizedText NOT_OPEN = new LocalizedText("目录中该资源的开放类型为不予开放",
            "the catalog lists it as not open");
    static final LocalizedText TYPE_NOT_IN_PROFILE = new LocalizedText("其开放类型不在本地区规定的开放类型之列",
            "its open type is not one of the region's");
    static final LocalizedText NO_DATA = new LocalizedText("尚未归集数据，无法在开放前检查个人信息",
            "no data has been aggregated, so it cannot be checked for personal data");

    private static final Set<String> AUTHORITY_OPENS = Set.of("fuzhou", "taijiang");
    private static final LocalizedText SENSITIVE = new LocalizedText("个人信息或商业秘密",
            "personal information or commercial secrets");

    private final ActivePolicy policy;
    private final OpenSettings settings;

    OpeningPolicy(ActivePolicy policy, OpenSettings settings) {
        this.policy = policy;
        this.settings = settings;
    }

    /** Why the entry's data cannot be opened, or null when it can. */
    LocalizedText refusal(EntryContent content) {
        PolicyProfile.OpenData openData = policy.profile().openData();
        if (openData == null) {
            return REGION_OPENS_NOTHING;
        }
        if (content.classified()) {
            return CLASSIFIED;
        }
        if (content.openType() == null || content.openType() == OpenType.NOT_OPEN) {
            return NOT_OPEN;
        }
        // SEC-4: core data is never opened, important data never unconditionally — whatever the open type says
        GradeRules.Use use = content.openType() == OpenType.OPEN ? GradeRules.Use.UNCONDITIONAL_OPEN : GradeRules.Use.OPEN;
        Optional<LocalizedText> byGrade = GradeRules.refusal(content.grade(), use, false);
        if (byGrade.isPresent()) {
            return byGrade.get();
        }
        if (!openData.types().containsKey(content.openType())) {
            return TYPE_NOT_IN_PROFILE;
        }
        return null;
    }

    /** Whether an opening waits for the data authority's confirmation. */
    boolean authorityConfirms() {
        return settings.authorityConfirms() != null ? settings.authorityConfirms()
                : AUTHORITY_OPENS.contains(policy.profile().id());
    }

    /** The region's name of an open type, e.g. 无条件开放 or 普遍开放. */
    LocalizedText typeName(OpenType type) {
        PolicyProfile.OpenData openData = policy.profile().openData();
        PolicyProfile.Text text = openData == null ? null : openData.types().get(type);
        return text == null ? new LocalizedText(type.name(), type.name()) : new LocalizedText(text.zh(), text.en());
    }

    /** The problems of the rules a provider names: unknown items, incomplete truncations, sensitive items kept. */
    List<Violation> ruleProblems(EntryContent content, List<ItemRule> chosen) {
        Map<String, DataItem> items = items(content);
        List<Violation> violations = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ItemRule rule : chosen) {
            String location = "rules." + rule.item();
            DataItem item = items.get(rule.item());
            if (item == null) {
                violations.add(Violation.of(location, ProblemCode.UNKNOWN_DATA_ITEM, String.valueOf(rule.item())));
            } else if (!seen.add(rule.item())) {
                violations.add(Violation.of(location, ProblemCode.INVALID_VALUE, item.chineseName(), rule.rule()));
            } else if (rule.rule() == null) {
                violations.add(Violation.of(location, ProblemCode.FIELD_REQUIRED, item.chineseName()));
            } else if (!rule.complete()) {
                violations.add(Violation.of(location, ProblemCode.DESENSITISATION_NEEDS_LENGTH, item.chineseName(),
                        ItemRule.MAX_KEPT));
            } else if (rule.keepsValues() && DefaultRules.sensitive(item)) {
                violations.add(Violation.of(location, ProblemCode.DESENSITISATION_TOO_WEAK, item.chineseName(),
                        item.name(), SENSITIVE));
            }
        }
        return violations;
    }

    /** Each item's rule: the one chosen, else its default. */
    Map<String, ItemRule> effective(EntryContent content, Map<String, ItemRule> chosen) {
        Map<String, ItemRule> rules = new LinkedHashMap<>();
        for (DataItem item : content.dataItems()) {
            ItemRule rule = chosen.get(item.name());
            rules.put(item.name(), rule != null ? rule : ItemRule.of(item.name(), DefaultRules.defaultFor(item)));
        }
        return rules;
    }

    /**
     * What the personal-data scan's findings still require: a rule named for an item whose default would keep its
     * values, and no "as stored" for ID numbers and bank cards.
     */
    List<Violation> findingProblems(EntryContent content, Map<String, ItemRule> chosen, Map<String, ItemRule> effective,
            PersonalDataScan.Result scan) {
        Map<String, DataItem> items = items(content);
        List<Violation> violations = new ArrayList<>();
        Set<String> reported = new java.util.HashSet<>();
        for (PersonalDataScan.Finding finding : scan.findings()) {
            DataItem item = items.get(finding.item());
            ItemRule rule = effective.get(finding.item());
            if (item == null || rule == null || !reported.add(finding.item() + finding.kind())) {
                continue;
            }
            String location = "rules." + item.name();
            boolean strict = finding.kind() == Kind.ID_NUMBER || finding.kind() == Kind.BANK_CARD;
            if (rule.keepsValues() && strict && chosen.containsKey(item.name())) {
                violations.add(Violation.of(location, ProblemCode.DESENSITISATION_TOO_WEAK, item.chineseName(),
                        item.name(), finding.kind().label()));
            } else if (rule.keepsValues() && !chosen.containsKey(item.name())) {
                violations.add(Violation.of(location, ProblemCode.PERSONAL_DATA_FOUND, item.chineseName(), item.name(),
                        finding.sampled(), finding.matched(), finding.kind().label()));
            }
        }
        return violations;
    }

    private static Map<String, DataItem> items(EntryContent content) {
        Map<String, DataItem> items = new LinkedHashMap<>();
        content.dataItems().forEach(i -> items.put(i.name(), i));
        return items;
    }

    static boolean dropped(ItemRule rule) {
        return rule.rule() == MaskingRule.DROP;
    }
}
