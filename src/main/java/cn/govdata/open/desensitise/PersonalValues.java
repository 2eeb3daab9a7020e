package cn.govdata.open.desensitise;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.govdata.shared.LocalizedText;

/**
 * Recognises personal data in values nobody marked personal: citizen ID numbers (GB 11643, with their check
 * character and a real birth date), mobile numbers, bank card numbers (16 to 19 digits passing the Luhn check),
 * and — by their shape — Chinese personal names and street addresses. ID numbers, mobiles and bank cards are
 * also found inside free text (a remark that quotes a phone number); names and addresses only as whole values.
 */
public final class PersonalValues {

    /** A kind of personal data, with its name in both console languages. */
    public enum Kind {
        ID_NUMBER("公民身份号码", "citizen ID numbers"),
        MOBILE("手机号码", "mobile numbers"),
        BANK_CARD("银行卡号", "bank card numbers"),
        NAME("人名", "personal names"),
        ADDRESS("详细住址", "street addresses");

        private final LocalizedText label;

        Kind(String zh, String en) {
            this.label = new LocalizedText(zh, en);
        }

        public LocalizedText label() {
            return label;
        }
    }

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?![0-9])");
    private static final Pattern CARD = Pattern.compile("(?<![0-9])(?:\\d{4}[ -]?){3}\\d{4,7}(?![0-9])");
    private static final Pattern HAN_NAME = Pattern.compile("\\p{IsHan}{2,4}|\\p{IsHan}{1,6}·\\p{IsHan}{1,8}");
    private static final Pattern ADDRESS = Pattern.compile(
            ".*(路|街|巷|大道|弄|胡同|村|小区|社区|花园|大厦|公寓|里).*[0-9０-９]+\\s*(号|室|栋|幢|单元|楼|层|组|户).*");

    private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String ID_CHECK = "10X98765432";

    /** The most common surnames (百家姓 by frequency), enough to tell a name from a word. */
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
            + "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
            + "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单"
            + "季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景"
            + "党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";
    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟",
            "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯", "端木", "独孤", "南宫", "西门");
    /** Last characters of organisations and places, which personal names do not end with. */
    private static final String NOT_A_NAME_END = "局院所司厂店站校馆委会办处科队部区县市省州镇乡村路街巷场楼厅室组社团协网";

    private PersonalValues() {
    }

    /** The kinds of personal data this value is or holds. */
    public static Set<Kind> kindsIn(String value) {
        if (value == null) {
            return Set.of();
        }
        String v = value.strip();
        if (v.isEmpty()) {
            return Set.of();
        }
        java.util.EnumSet<Kind> kinds = java.util.EnumSet.noneOf(Kind.class);
        if (containsIdNumber(v)) {
            kinds.add(Kind.ID_NUMBER);
        }
        if (MOBILE.matcher(v).find()) {
            kinds.add(Kind.MOBILE);
        }
        if (containsBankCard(v)) {
            kinds.add(Kind.BANK_CARD);
        }
        if (isName(v)) {
            kinds.add(Kind.NAME);
        }
        if (v.length() <= 200 && ADDRESS.matcher(v).matches()) {
            kinds.add(Kind.ADDRESS);
        }
        return kinds;
    }

    /** A GB 11643 citizen ID number: 17 digits, the check character of ISO 7064 MOD 11-2, a real birth date. */
    public static boolean isIdNumber(String value) {
        if (value == null || value.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * ID_WEIGHTS[i];
        }
        if (Character.toUpperCase(value.charAt(17)) != ID_CHECK.charAt(sum % 11)) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
            return birth.getYear() >= 1880 && !birth.isAfter(LocalDate.now().plusDays(1));
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** A bank card number: 16 to 19 digits (spaces or dashes between groups allowed) passing the Luhn check. */
    public static boolean isBankCard(String value) {
        String digits = value.replace(" ", "").replace("-", "");
        if (digits.length() < 16 || digits.length() > 19 || !digits.chars().allMatch(Character::isDigit)
                || digits.charAt(0) < '3' || digits.charAt(0) > '6' || isIdNumber(digits)) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** A Chinese personal name: two to four Han characters after a common surname, or a name with a middle dot. */
    public static boolean isName(String value) {
        if (!HAN_NAME.matcher(value).matches()) {
            return false;
        }
        if (value.contains("·")) {
            return true;  // transcribed names of minorities and foreigners: 阿依古丽·买买提
        }
        if (NOT_A_NAME_END.indexOf(value.charAt(value.length() - 1)) >= 0) {
            return false;
        }
        return SURNAMES.indexOf(value.charAt(0)) >= 0 || COMPOUND_SURNAMES.contains(value.substring(0, 2));
    }

    private static boolean containsIdNumber(String v) {
        Matcher m = ID_NUMBER.matcher(v);
        while (m.find()) {
            if (isIdNumber(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsBankCard(String v) {
        Matcher m = CARD.matcher(v);
        while (m.find()) {
            if (isBankCard(m.group())) {
                return true;
            }
        }
        return false;
    }
}
