package cn.govdata.catalog.entry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import cn.govdata.catalog.Classification;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.DataItem.DataType;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.GradeRules;
import cn.govdata.catalog.ResourceFormat;
import cn.govdata.policy.PolicyProfile;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.LocalizedText;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;

/**
 * The rules an entry must satisfy before it is submitted for review (CAT-1, CAT-2, CAT-3, CAT-7, CAT-8,
 * SEC-3), under the policy profile in force. Drafts may be incomplete; only the required name is checked
 * when a draft is saved. Returns every violation, so an editor or an import report can show them all.
 */
public final class CatalogRules {

    static final int NAME_MAX = 200;
    static final int TEXT_MAX = 2000;
    private static final Pattern ITEM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Set<DataType> SIZED = Set.of(DataType.CHARACTER, DataType.NUMERIC, DataType.CURRENCY,
            DataType.DOUBLE, DataType.FLOAT);

    private CatalogRules() {
    }

    /** What a draft needs to be saved at all. */
    public static List<Violation> checkDraft(EntryContent content) {
        List<Violation> violations = new ArrayList<>();
        if (content.name() == null || content.name().isBlank()) {
            violations.add(Violation.of("name", ProblemCode.FIELD_REQUIRED, FieldName.of("name")));
        } else if (content.name().length() > NAME_MAX) {
            violations.add(Violation.of("name", ProblemCode.FIELD_TOO_LONG, FieldName.of("name"), NAME_MAX));
        }
        if (content.classification() == null) {
            violations.add(Violation.of("classification", ProblemCode.FIELD_REQUIRED, FieldName.of("classification")));
        }
        if (content.classified()) {
            violations.add(Violation.of("classified", ProblemCode.CLASSIFIED_DATA_REFUSED));
        }
        return violations;
    }

    /** Everything a submitted entry must satisfy. */
    public static List<Violation> checkForSubmission(EntryContent content, PolicyProfile profile) {
        List<Violation> violations = checkDraft(content);
        require(violations, content.summary(), "summary");
        tooLong(violations, content.summary(), "summary");
        if (content.format() == null) {
            violations.add(Violation.of("format", ProblemCode.FIELD_REQUIRED, FieldName.of("format")));
        } else if (content.format() != ResourceFormat.OTHER && content.format().canonicalSubFormat(content.subFormat()) == null) {
            violations.add(Violation.of("subFormat", ProblemCode.INVALID_VALUE, FieldName.of("subFormat"),
                    String.join("/", content.format().subFormats())));
        }
        if (content.updateCycle() == null) {
            violations.add(Violation.of("updateCycle", ProblemCode.FIELD_REQUIRED, FieldName.of("updateCycle")));
        }
        checkDataItems(content.dataItems(), violations);
        checkSharing(content, profile, violations);
        checkOpening(content, profile, violations);
        violations.addAll(GradeRules.check(content));
        return violations;
    }

    private static void checkDataItems(List<DataItem> items, List<Violation> violations) {
        if (items.isEmpty()) {
            violations.add(Violation.of("dataItems", ProblemCode.DATA_ITEMS_REQUIRED));
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            DataItem item = items.get(i);
            String at = "dataItems[" + i + "]";
            if (item.name() == null || !ITEM_NAME.matcher(item.name()).matches()) {
                violations.add(Violation.of(at + ".name", ProblemCode.INVALID_VALUE, FieldName.of(at + ".name"),
                        "A-Z a-z 0-9 _ (1–64)"));
            } else if (!names.add(item.name().toLowerCase(java.util.Locale.ROOT))) {
                violations.add(Violation.of(at + ".name", ProblemCode.DUPLICATE_DATA_ITEM, item.name()));
            }
            require(violations, item.chineseName(), at + ".chineseName");
            if (item.type() == null) {
                violations.add(Violation.of(at + ".type", ProblemCode.FIELD_REQUIRED, FieldName.of(at + ".type")));
            } else if (SIZED.contains(item.type()) && (item.length() == null || item.length() < 1)) {
                violations.add(Violation.of(at + ".length", ProblemCode.FIELD_REQUIRED, FieldName.of(at + ".length")));
            }
            if (item.length() != null && (item.length() < 1 || item.length() > 1_000_000)) {
                violations.add(Violation.of(at + ".length", ProblemCode.INVALID_VALUE, FieldName.of(at + ".length"), "1–1000000"));
            }
        }
    }

    private static void checkSharing(EntryContent content, PolicyProfile profile, List<Violation> violations) {
        ShareType type = content.shareType();
        if (type == null) {
            violations.add(Violation.of("shareType", ProblemCode.FIELD_REQUIRED, FieldName.of("shareType")));
            return;
        }
        if (type != ShareType.NOT_SHARED && content.shareMethod() == null) {
            violations.add(Violation.of("shareMethod", ProblemCode.FIELD_REQUIRED, FieldName.of("shareMethod")));
        }
        if (type != ShareType.UNCONDITIONAL) {
            if (content.shareBasis() == null || !content.shareBasis().isComplete()) {
                violations.add(Violation.of("shareBasis", ProblemCode.LEGAL_BASIS_REQUIRED, shareTypeName(profile, type)));
            }
        }
        if (type == ShareType.CONDITIONAL) {
            require(violations, content.shareCondition(), "shareCondition");
            if (content.applicantMaterials().stream().allMatch(String::isBlank)) {
                violations.add(Violation.of("applicantMaterials", ProblemCode.FIELD_REQUIRED, FieldName.of("applicantMaterials")));
            }
        }
        tooLong(violations, content.shareCondition(), "shareCondition");
        if (profile.baseResources().shareUnconditionally() && content.classification() != null
                && content.classification().category() == Classification.Category.BASE
                && type != ShareType.UNCONDITIONAL) {
            violations.add(Violation.of("shareType", ProblemCode.BASE_ITEMS_SHARED_UNCONDITIONALLY,
                    profile.baseResources().basis()));
        }
    }

    private static void checkOpening(EntryContent content, PolicyProfile profile, List<Violation> violations) {
        OpenType type = content.openType();
        if (type == null) {
            violations.add(Violation.of("openType", ProblemCode.FIELD_REQUIRED, FieldName.of("openType")));
            return;
        }
        // a region whose rules do not open data keeps everything "not open" without further basis
        if (profile.openData() == null) {
            if (type != OpenType.NOT_OPEN) {
                violations.add(Violation.of("openType", ProblemCode.TYPE_NOT_IN_PROFILE, openTypeName(profile, type)));
            }
            return;
        }
        if (type != OpenType.NOT_OPEN && !profile.openData().types().containsKey(type)) {
            violations.add(Violation.of("openType", ProblemCode.TYPE_NOT_IN_PROFILE, openTypeName(profile, type)));
        }
        if (type == OpenType.CONDITIONAL_OPEN) {
            require(violations, content.openCondition(), "openCondition");
        }
        if (type == OpenType.NOT_OPEN && (content.openBasis() == null || !content.openBasis().isComplete())) {
            violations.add(Violation.of("openBasis", ProblemCode.LEGAL_BASIS_REQUIRED, openTypeName(profile, type)));
        }
        tooLong(violations, content.openCondition(), "openCondition");
    }

    private static LocalizedText shareTypeName(PolicyProfile profile, ShareType type) {
        PolicyProfile.Text name = profile.shareTypes().get(type);
        return new LocalizedText(name.zh(), name.en());
    }

    /** The profile's name of an open type, or the national one where the profile has none. */
    private static LocalizedText openTypeName(PolicyProfile profile, OpenType type) {
        PolicyProfile.Text name = profile.openData() == null ? null : profile.openData().types().get(type);
        if (name != null) {
            return new LocalizedText(name.zh(), name.en());
        }
        return switch (type) {
            case OPEN -> new LocalizedText("无条件开放", "Open");
            case CONDITIONAL_OPEN -> new LocalizedText("有条件开放", "Conditional open");
            case NOT_OPEN -> new LocalizedText("不予开放", "Not open");
        };
    }

    private static void require(List<Violation> violations, String value, String field) {
        if (value == null || value.isBlank()) {
            violations.add(Violation.of(field, ProblemCode.FIELD_REQUIRED, FieldName.of(field)));
        }
    }

    private static void tooLong(List<Violation> violations, String value, String field) {
        if (value != null && value.length() > TEXT_MAX) {
            violations.add(Violation.of(field, ProblemCode.FIELD_TOO_LONG, FieldName.of(field), TEXT_MAX));
        }
    }
}
