package cn.govdata.lake.quality;

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
            return new Refusal(ReasonCode.CREDIT_CODE_LENGTH);
        }
        for (int i = 0; i < value.length(); i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return new Refusal(ReasonCode.CREDIT_CODE_ALPHABET);
            }
        }
        return new Refusal(ReasonCode.CREDIT_CODE_CHECK_CHARACTER);
    }
}
