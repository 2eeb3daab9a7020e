package cn.govdata.shared;

import java.util.Locale;

/**
 * The desensitisation (脱敏) of one value, the same for sharing and for opening data (DESIGN.md, Security): a
 * grant or an open dataset names a rule per data item, and every value leaves the platform through it. The
 * personal values quoted in free text that people are shown (audit details) are masked by the same rules
 * ({@link TextMasking}). The
 * shapes follow common practice in Chinese government and banking systems: the region part of an ID number
 * and its last four, the registration authority and region of a credit code, the network prefix and last
 * four of a mobile number, the issuer and last four of a bank card, the surname of a name, an address down
 * to its county. Masked characters become {@code *}, one for one, so the shape of the value stays readable.
 */
public enum MaskingRule {

    /** The value as stored. */
    NONE,
    /** GB 11643 citizen ID number: the six-digit region and the last four, e.g. {@code 370602********123X}. */
    ID_NUMBER,
    /** GB 32100 credit code: registration authority, type and region (eight), and the last two. */
    CREDIT_CODE,
    /** Mobile number: the first three and the last four, e.g. {@code 138****5678}. */
    MOBILE,
    /** Personal name: the surname kept, e.g. {@code 张*}, {@code 张**}, {@code 欧阳**}. */
    NAME,
    /** Address: kept down to the county (区/县/市/旗), the rest masked. */
    ADDRESS,
    /** Bank card: the issuer's six digits and the last four (JR/T 0171). */
    BANK_CARD,
    /** Nothing shown: every character masked. */
    FULL;

    /** The value as it may leave the platform under this rule; null stays null. */
    public String apply(String value) {
        if (value == null || this == NONE) {
            return value;
        }
        String v = value.strip();
        return switch (this) {
            case ID_NUMBER -> keep(v, 6, 4);
            case CREDIT_CODE -> keep(v, 8, 2);
            case MOBILE -> v.length() == 11 ? keep(v, 3, 4) : keep(v, 2, 2);
            case BANK_CARD -> keep(v, 6, 4);
            case NAME -> name(v);
            case ADDRESS -> address(v);
            case FULL -> "*".repeat(v.codePointCount(0, v.length()));
            case NONE -> v;
        };
    }

    /**
     * The rule a data item suggests when a grant names none: by its value standard, else by its name, else
     * {@code FULL} for personal information and {@code NONE} for the rest. An approver may choose otherwise.
     */
    public static MaskingRule suggestedFor(String valueStandard, String itemName, String chineseName, boolean personal) {
        String standard = valueStandard == null ? "" : valueStandard.toUpperCase(Locale.ROOT).replace(" ", "");
        if (standard.startsWith("GB11643")) {
            return ID_NUMBER;
        }
        if (standard.startsWith("GB32100")) {
            return CREDIT_CODE;
        }
        String zh = chineseName == null ? "" : chineseName;
        String id = itemName == null ? "" : itemName.toLowerCase(Locale.ROOT);
        if (zh.contains("手机") || zh.contains("电话") || id.contains("mobile") || id.contains("phone")) {
            return personal ? MOBILE : NONE;
        }
        if (zh.contains("银行卡") || zh.contains("银行账号") || id.contains("bank_card") || id.contains("card_no")) {
            return BANK_CARD;
        }
        if (zh.contains("身份号码") || zh.contains("身份证")) {
            return ID_NUMBER;
        }
        if (!personal) {
            return NONE;
        }
        if (zh.equals("姓名") || zh.endsWith("姓名") || id.endsWith("name")) {
            return NAME;
        }
        if (zh.contains("地址") || zh.contains("住址") || id.contains("address")) {
            return ADDRESS;
        }
        return FULL;
    }

    static String keep(String v, int head, int tail) {
        int[] cp = v.codePoints().toArray();
        if (cp.length <= head + tail) {
            // too short to keep both ends: keep the first character at most
            return cp.length == 0 ? v : new StringBuilder().appendCodePoint(cp[0]).append("*".repeat(cp.length - 1)).toString();
        }
        StringBuilder out = new StringBuilder(cp.length);
        for (int i = 0; i < cp.length; i++) {
            if (i < head || i >= cp.length - tail) {
                out.appendCodePoint(cp[i]);
            } else {
                out.append('*');
            }
        }
        return out.toString();
    }

    /** Common two-character surnames; any other name keeps its first character. */
    private static final java.util.Set<String> COMPOUND_SURNAMES = java.util.Set.of("欧阳", "司马", "诸葛", "上官",
            "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯", "端木", "独孤", "南宫", "西门");

    private static String name(String v) {
        int[] cp = v.codePoints().toArray();
        if (cp.length <= 1) {
            return v.isEmpty() ? v : "*";
        }
        int surname = cp.length > 2 && COMPOUND_SURNAMES.contains(new String(cp, 0, 2)) ? 2 : 1;
        return new String(cp, 0, surname) + "*".repeat(cp.length - surname);
    }

    private static String address(String v) {
        int[] cp = v.codePoints().toArray();
        // the county is named within the first dozen characters (省 市 区/县): keep through its last marker
        int kept = 0;
        for (int i = 0; i < Math.min(cp.length - 1, 12); i++) {
            if (cp[i] == '区' || cp[i] == '县' || cp[i] == '旗' || (cp[i] == '市' && i >= 2)) {
                kept = i + 1;
            }
        }
        if (kept == 0) {
            kept = Math.min(6, cp.length / 3);
        }
        return new String(cp, 0, kept) + "*".repeat(cp.length - kept);
    }
}
