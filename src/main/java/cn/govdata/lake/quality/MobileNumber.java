package cn.govdata.lake.quality;

/**
 * A mainland mobile number: 11 digits, {@code 1} then {@code 3}–{@code 9}. Written without a country code
 * or separators, as the catalog's items hold it; a {@code +86} prefix is refused so that one person's
 * number is written one way in the lake.
 */
final class MobileNumber implements ValueStandard {

    static final String NAME = "mobile number";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean personal() {
        return true;
    }

    @Override
    public boolean accepts(String value) {
        if (value.length() != 11 || value.charAt(0) != '1' || value.charAt(1) < '3' || value.charAt(1) > '9') {
            return false;
        }
        for (int i = 2; i < 11; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public Refusal refusal(String value) {
        return new Refusal(ReasonCode.MOBILE);
    }
}
