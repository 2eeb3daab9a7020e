package cn.govdata.shared;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free text as people may be shown it: the personal values quoted in it masked by the platform's
 * {@link MaskingRule}s — an 18-digit citizen ID number keeps its region and last four
 * ({@code 370602********1015}), a mobile number its network prefix and last four ({@code 138****5678}), a bank
 * card number (16 to 19 digits) its issuer and last four, an e-mail address the first character of its name
 * and its domain ({@code z*******@example.com}).
 *
 * <p>Values are found by their shape, not checked (an ID number's check digit, a card's Luhn digit): masking a
 * number that only looks personal is the safer mistake. A value counts only where it stands alone, with no
 * letter or digit right before or after, so that digits inside hashes and longer codes are left as they are.
 */
public final class TextMasking {

    private static final String ALONE_BEFORE = "(?<![0-9A-Za-z])";
    private static final String ALONE_AFTER = "(?![0-9A-Za-z])";

    /** Tried in this order at each position: an e-mail address first, as its name may be a mobile number. */
    private static final Pattern PERSONAL = Pattern.compile(
            "(?<email>[A-Za-z0-9._%+-]{1,64})@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})+"
                    + "|" + ALONE_BEFORE + "(?<id>\\d{17}[\\dXx])" + ALONE_AFTER
                    + "|" + ALONE_BEFORE + "(?:\\+?86[- ]?)?(?<mobile>1[3-9]\\d{9})" + ALONE_AFTER
                    + "|" + ALONE_BEFORE + "(?<card>\\d{16,19})" + ALONE_AFTER);

    private TextMasking() {
    }

    /** The text with every personal value in it masked; null stays null. */
    public static String masked(String text) {
        if (text == null) {
            return null;
        }
        return PERSONAL.matcher(text).replaceAll(found -> Matcher.quoteReplacement(mask(found)));
    }

    private static String mask(MatchResult found) {
        if (found.group("email") != null) {
            return replaced(found, "email", MaskingRule.keep(found.group("email"), 1, 0));
        }
        if (found.group("id") != null) {
            return MaskingRule.ID_NUMBER.apply(found.group("id"));
        }
        if (found.group("mobile") != null) {
            return replaced(found, "mobile", MaskingRule.MOBILE.apply(found.group("mobile")));
        }
        return MaskingRule.BANK_CARD.apply(found.group("card"));
    }

    /** The whole match with one group replaced: a domain or a +86 prefix is kept as it is. */
    private static String replaced(MatchResult found, String group, String replacement) {
        String whole = found.group();
        int start = found.start(group) - found.start();
        int end = found.end(group) - found.start();
        return whole.substring(0, start) + replacement + whole.substring(end);
    }
}
