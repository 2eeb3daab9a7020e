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
 *
 * <p>Opening data adds generalisation (a date to its year or month, an address to its province, city or
 * township), truncation, a keyed hash and dropping the value. A rule that needs a parameter (how many characters
 * {@link #TRUNCATE} keeps, the key {@link #HASH} uses) masks the whole value when it is not given: a rule never
 * shows more than it should.
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
    FULL,
    /** A date kept down to its year, e.g. {@code 1980-03-12} → {@code 1980}; a value that is not a date is masked. */
    DATE_YEAR,
    /** A date kept down to its month, e.g. {@code 1980-03-12} → {@code 1980-03}. */
    DATE_MONTH,
    /** Address kept down to the province (省, 自治区, or a municipality such as 北京市), the rest masked. */
    ADDRESS_PROVINCE,
    /** Address kept down to the city (市, 州, 盟, 地区), the rest masked. */
    ADDRESS_CITY,
    /** Address kept down to the township or street (乡, 镇, 街道), the rest masked. */
    ADDRESS_TOWN,
    /**
     * A credit code masked as {@link #CREDIT_CODE} only when it is a natural person's (an individual business,
     * GB 32100 registration authority 9 and type 2); organisations' codes are public and kept.
     */
    CREDIT_CODE_OF_PERSON,
    /** The first characters only, the rest cut off (how many: the rule's parameter). */
    TRUNCATE,
    /**
     * A keyed hash (HMAC-SM3, 32 hex digits) instead of the value: equal values stay equal under one key, so records
     * can still be counted and joined, but the value cannot be recovered or guessed without the key.
     */
    HASH,
    /** Nothing: the value does not leave at all. */
    DROP;

    /** The value as it may leave the platform under this rule; null stays null. */
    public String apply(String value) {
        return apply(value, null, null);
    }

    /**
     * The value as it may leave the platform under this rule with its parameters: how many characters
     * {@link #TRUNCATE} keeps, the key {@link #HASH} uses (ignored by the other rules); null stays null.
     */
    public String apply(String value, Integer kept, byte[] hashKey) {
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
            case FULL -> full(v);
            case DATE_YEAR -> date(v, false);
            case DATE_MONTH -> date(v, true);
            case ADDRESS_PROVINCE -> keepFirst(v, AddressLevels.of(v).province);
            case ADDRESS_CITY -> keepFirst(v, AddressLevels.of(v).city);
            case ADDRESS_TOWN -> keepFirst(v, AddressLevels.of(v).town);
            case CREDIT_CODE_OF_PERSON -> v.length() == 18 && v.startsWith("92") ? keep(v, 8, 2) : v;
            case TRUNCATE -> kept == null || kept < 1 ? full(v) : new String(v.codePoints().limit(kept).toArray(), 0,
                    (int) Math.min(kept, v.codePointCount(0, v.length())));
            case HASH -> hashKey == null || hashKey.length == 0 ? full(v) : hash(v, hashKey);
            case DROP -> null;
            case NONE -> v;
        };
    }

    /** What the rule does to a value, in Chinese as the public reads it, e.g. 保留前 3 位和后 4 位. */
    public String describe(Integer kept) {
        return switch (this) {
            case NONE -> "原样公开";
            case ID_NUMBER -> "保留前 6 位和后 4 位";
            case CREDIT_CODE -> "保留前 8 位和后 2 位";
            case MOBILE -> "保留前 3 位和后 4 位";
            case NAME -> "仅保留姓氏";
            case ADDRESS -> "保留至区县";
            case BANK_CARD -> "保留前 6 位和后 4 位";
            case FULL -> "全部以 * 遮盖";
            case DATE_YEAR -> "泛化至年份";
            case DATE_MONTH -> "泛化至月份";
            case ADDRESS_PROVINCE -> "保留至省";
            case ADDRESS_CITY -> "保留至地市";
            case ADDRESS_TOWN -> "保留至乡镇、街道";
            case CREDIT_CODE_OF_PERSON -> "个体工商户的代码保留前 8 位和后 2 位，单位的代码原样公开";
            case TRUNCATE -> kept == null ? "全部以 * 遮盖" : "仅保留前 " + kept + " 个字符";
            case HASH -> "以带密钥的散列值代替";
            case DROP -> "不公开";
        };
    }

    private static String full(String v) {
        return "*".repeat(v.codePointCount(0, v.length()));
    }

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern
            .compile("(\\d{4})(?:[-/.年]?(\\d{2}|\\d(?!\\d)))?.*");

    /** A date (2024-03-12, 2024/3/12, 20240312, 2024年3月12日, with or without a time) to its year or month. */
    private static String date(String v, boolean month) {
        java.util.regex.Matcher m = DATE.matcher(v);
        if (!m.matches()) {
            return full(v);
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 1000) {
            return full(v);
        }
        if (!month) {
            return m.group(1);
        }
        if (m.group(2) == null) {
            return full(v);
        }
        int monthOfYear = Integer.parseInt(m.group(2));
        return monthOfYear < 1 || monthOfYear > 12 ? full(v) : String.format("%s-%02d", m.group(1), monthOfYear);
    }

    private static String keepFirst(String v, int kept) {
        int[] cp = v.codePoints().toArray();
        if (kept <= 0) {
            return full(v);
        }
        return new String(cp, 0, kept) + "*".repeat(cp.length - kept);
    }

    private static String hash(String v, byte[] key) {
        KeyedMac kept = KEYED_MAC.get();
        if (kept == null || !java.util.Arrays.equals(kept.key(), key)) {
            org.bouncycastle.crypto.macs.HMac mac = new org.bouncycastle.crypto.macs.HMac(
                    new org.bouncycastle.crypto.digests.SM3Digest());
            mac.init(new org.bouncycastle.crypto.params.KeyParameter(key));
            kept = new KeyedMac(key.clone(), mac);
            KEYED_MAC.set(kept);
        }
        byte[] input = v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        kept.mac().update(input, 0, input.length);
        byte[] out = new byte[kept.mac().getMacSize()];
        kept.mac().doFinal(out, 0);  // and back to the keyed state, for the next value
        return java.util.HexFormat.of().formatHex(out, 0, 16);
    }

    /** A thread's HMAC-SM3 for the key it last hashed under: the key's two blocks are not digested again per value. */
    private record KeyedMac(byte[] key, org.bouncycastle.crypto.macs.HMac mac) {
    }

    private static final ThreadLocal<KeyedMac> KEYED_MAC = new ThreadLocal<>();

    /**
     * Where an address's levels end (in code points), as far as their markers show: 山东省|烟台市|莱阳市|城厢街道|…; a
     * level whose marker is missing ends where the level above ends (0 when none is known).
     */
    private record AddressLevels(int province, int city, int county, int town) {

        private static final java.util.List<String> MUNICIPALITIES = java.util.List.of("北京市", "上海市", "天津市",
                "重庆市");

        static AddressLevels of(String v) {
            int[] cp = v.codePoints().toArray();
            String s = new String(cp, 0, cp.length);
            int province = 0;
            int marker = firstOf(cp, 0, 10, "省", "自治区");
            if (marker > 0) {
                province = marker;
            } else if (MUNICIPALITIES.stream().anyMatch(s::startsWith)) {
                province = 3;
            }
            int city = firstOf(cp, province, 10, "市", "州", "盟", "地区");
            city = city > 0 && city - province >= 2 ? city : province;
            int county = firstOf(cp, city, 10, "区", "县", "旗", "市");
            county = county > 0 && county - city >= 2 ? county : city;
            int town = firstOf(cp, county, 10, "街道", "乡", "镇");
            town = town > 0 && town - county >= 2 ? town : county;
            // a marker at the very end is the whole value: keep at least one character masked
            return new AddressLevels(Math.min(province, cp.length - 1), Math.min(city, cp.length - 1),
                    Math.min(county, cp.length - 1), Math.min(town, cp.length - 1));
        }

        /** The end (exclusive) of the first marker within {@code span} characters from {@code from}, or 0. */
        private static int firstOf(int[] cp, int from, int span, String... markers) {
            for (int i = from; i < Math.min(cp.length, from + span); i++) {
                for (String marker : markers) {
                    int[] m = marker.codePoints().toArray();
                    if (i + m.length <= cp.length && java.util.Arrays.equals(cp, i, i + m.length, m, 0, m.length)) {
                        return i + m.length;
                    }
                }
            }
            return 0;
        }
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
