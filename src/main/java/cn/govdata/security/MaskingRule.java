package cn.govdata.security;

/**
 * The desensitisation (脱敏) rules under their former name: the rules themselves moved to
 * {@link cn.govdata.shared.MaskingRule}, so that modules which may not depend on this one (the audit log) mask
 * with them too. Sharing still names a grant's rules by this type; each constant applies the shared rule of the
 * same name. Remove once sharing uses the shared type.
 */
public enum MaskingRule {

    NONE, ID_NUMBER, CREDIT_CODE, MOBILE, NAME, ADDRESS, BANK_CARD, FULL;

    /** The value as it may leave the platform under this rule; null stays null. */
    public String apply(String value) {
        return shared().apply(value);
    }

    /** The shared rule this one applies. */
    public cn.govdata.shared.MaskingRule shared() {
        return cn.govdata.shared.MaskingRule.valueOf(name());
    }

    /** See {@link cn.govdata.shared.MaskingRule#suggestedFor}. */
    public static MaskingRule suggestedFor(String valueStandard, String itemName, String chineseName, boolean personal) {
        return valueOf(cn.govdata.shared.MaskingRule.suggestedFor(valueStandard, itemName, chineseName, personal).name());
    }
}
