package cn.govdata.open.desensitise;

import java.util.Locale;

import cn.govdata.catalog.DataGrade;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.GradeRules;
import cn.govdata.catalog.DataItem.Sensitivity;
import cn.govdata.shared.MaskingRule;

/**
 * The rule a data item gets when the provider names none (OPN-4, FZ14: personal information and commercial
 * secrets are desensitised before opening): by its value standard (GB 11643 ID numbers; GB 32100 credit codes,
 * masked where they are a natural person's), else as sharing suggests by its name and sensitivity (names,
 * mobiles, addresses, bank cards; anything else personal masked whole). A provider may choose otherwise, never
 * "as stored" for an item the catalog marks personal or secret. Important and core items and sensitive personal
 * information are masked whole unless the provider names a rule ({@link GradeRules#defaultMasking}, SEC-4).
 */
public final class DefaultRules {

    private DefaultRules() {
    }

    public static MaskingRule defaultFor(DataItem item) {
        if (GradeRules.masksWhole(item)) {
            return MaskingRule.FULL;
        }
        boolean sensitive = sensitive(item);
        String standard = item.valueStandard() == null ? ""
                : item.valueStandard().toUpperCase(Locale.ROOT).replace(" ", "");
        if (standard.startsWith("GB11643")) {
            return MaskingRule.ID_NUMBER;
        }
        if (standard.startsWith("GB32100")) {
            return sensitive ? MaskingRule.CREDIT_CODE : MaskingRule.CREDIT_CODE_OF_PERSON;
        }
        return MaskingRule.suggestedFor(item.valueStandard(), item.name(), item.chineseName(), sensitive);
    }

    /**
     * Whether the catalog marks the item's values personal information or commercial secrets, or grades the item
     * above 一般数据 (SEC-4): such values never leave as stored.
     */
    public static boolean sensitive(DataItem item) {
        return item.sensitivity() != Sensitivity.NONE || item.grade() != DataGrade.GENERAL;
    }
}
