package cn.govdata.open.desensitise;

import cn.govdata.security.MaskingRule;

/**
 * The desensitisation (脱敏) rule of one data item of an opened dataset: how its values leave the platform.
 *
 * @param item the data item's identifier
 * @param rule mask, generalise, truncate, hash, drop, or keep ({@link MaskingRule#NONE})
 * @param kept how many characters {@link MaskingRule#TRUNCATE} keeps; null for every other rule
 */
public record ItemRule(String item, MaskingRule rule, Integer kept) {

    /** The most characters a truncation may keep. */
    public static final int MAX_KEPT = 100;

    public ItemRule {
        if (rule != MaskingRule.TRUNCATE) {
            kept = null;
        }
    }

    public static ItemRule of(String item, MaskingRule rule) {
        return new ItemRule(item, rule, null);
    }

    /** Whether the rule is complete: a truncation names how much it keeps. */
    public boolean complete() {
        return rule != null && (rule != MaskingRule.TRUNCATE || kept != null && kept >= 1 && kept <= MAX_KEPT);
    }

    /** Whether values leave as they are stored. */
    public boolean keepsValues() {
        return rule == MaskingRule.NONE;
    }
}
