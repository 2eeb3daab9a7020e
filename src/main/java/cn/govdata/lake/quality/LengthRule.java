package cn.govdata.lake.quality;

/**
 * The value is no longer than the item's length: characters (Unicode code points, so a rare character
 * outside the basic plane counts once) for text, significant digits for numbers.
 */
record LengthRule(String item, int max, boolean digits) implements QualityRule.ValueRule {

    @Override
    public boolean accepts(String value) {
        if (digits) {
            return TypeRule.digits(value, true) <= max;
        }
        // a string is never shorter in code points than in chars, so most values need no counting
        return value.length() <= max || value.codePointCount(0, value.length()) <= max;
    }

    @Override
    public Refusal refusal(String value) {
        return new Refusal(digits ? ReasonCode.LENGTH_DIGITS : ReasonCode.LENGTH_CHARACTERS, String.valueOf(max));
    }
}
