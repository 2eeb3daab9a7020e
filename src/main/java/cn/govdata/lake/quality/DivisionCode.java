package cn.govdata.lake.quality;

import java.util.function.Predicate;

/**
 * An administrative division code (GB/T 2260): six digits naming a province ({@code 370000}), a city
 * ({@code 370600}) or a county ({@code 370602}). New data must use a current code, so the code is checked
 * against the division list the platform ships (org's {@code Directory.isDivisionCode}); without a list,
 * only the format and the province are checked.
 */
final class DivisionCode implements ValueStandard {

    static final String NAME = "GB/T 2260";

    private final Predicate<String> known;

    /** @param known whether a code is a current division, or null to check format and province only */
    DivisionCode(Predicate<String> known) {
        this.known = known;
    }

    /** Whether the two digits are a province-level code (including Taiwan, Hong Kong and Macao). */
    static boolean isProvince(int code) {
        return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) || (code >= 31 && code <= 37)
                || (code >= 41 && code <= 46) || (code >= 50 && code <= 54) || (code >= 61 && code <= 65)
                || code == 71 || code == 81 || code == 82;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean personal() {
        return false;
    }

    @Override
    public boolean accepts(String value) {
        if (value.length() != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        int province = (value.charAt(0) - '0') * 10 + value.charAt(1) - '0';
        return isProvince(province) && (known == null || known.test(value));
    }

    @Override
    public Refusal refusal(String value) {
        return new Refusal(ReasonCode.DIVISION_CODE);
    }
}
