package cn.govdata.lake;

import cn.govdata.org.CreditCode;

/** The unified social credit code of an organisation (GB 32100), checked by org's {@link CreditCode}. */
final class CreditCodeStandard implements ValueStandard {

    static final String NAME = "GB 32100";
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @Override
    public String name() {
        return NAME;
    }

    /** Codes of organisations and businesses are public in the credit registry. */
    @Override
    public boolean personal() {
        return false;
    }

    @Override
    public boolean accepts(String value) {
        return CreditCode.isValid(value);
    }

    @Override
    public Refusal refusal(String value) {
        if (value.length() != 18) {
            return new Refusal(RuleCode.CREDIT_CODE, "a unified social credit code has 18 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return new Refusal(RuleCode.CREDIT_CODE,
                        "characters outside the GB 32100 alphabet (digits and upper-case letters except I, O, S, V, Z)");
            }
        }
        return new Refusal(RuleCode.CREDIT_CODE, "the check character does not match (GB 32100)");
    }
}
