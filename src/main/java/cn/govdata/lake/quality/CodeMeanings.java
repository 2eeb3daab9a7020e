package cn.govdata.lake.quality;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a coded value means, by the value standard its catalog item names, for people who read records: 性别 1 →
 * 男性 (GB/T 2261.1), 民族 01 → 汉族 (GB/T 3304), 行政区划 370602 → 山东省烟台市芝罘区 (GB/T 2260). The stored value is
 * never changed; the meaning is shown beside it. In English, the sex codes' English names and the ethnic groups'
 * romanised names that GB/T 3304 itself gives; division names stay Chinese.
 */
public final class CodeMeanings {

    /** GB/T 2261.1-2003 人的性别代码. */
    static final Map<String, String[]> SEX = ordered(
            "0", "未知的性别", "Unknown",
            "1", "男性", "Male",
            "2", "女性", "Female",
            "9", "未说明的性别", "Not stated");

    /** GB/T 3304-1991 中国各民族名称的罗马字母拼写法和代码, with the romanised names it gives. */
    static final Map<String, String[]> ETHNIC_GROUP = ordered(
            "01", "汉族", "Han", "02", "蒙古族", "Mongol", "03", "回族", "Hui", "04", "藏族", "Zang",
            "05", "维吾尔族", "Uygur", "06", "苗族", "Miao", "07", "彝族", "Yi", "08", "壮族", "Zhuang",
            "09", "布依族", "Buyei", "10", "朝鲜族", "Chosen", "11", "满族", "Man", "12", "侗族", "Dong",
            "13", "瑶族", "Yao", "14", "白族", "Bai", "15", "土家族", "Tujia", "16", "哈尼族", "Hani",
            "17", "哈萨克族", "Kazak", "18", "傣族", "Dai", "19", "黎族", "Li", "20", "傈僳族", "Lisu",
            "21", "佤族", "Va", "22", "畲族", "She", "23", "高山族", "Gaoshan", "24", "拉祜族", "Lahu",
            "25", "水族", "Sui", "26", "东乡族", "Dongxiang", "27", "纳西族", "Naxi", "28", "景颇族", "Jingpo",
            "29", "柯尔克孜族", "Kirgiz", "30", "土族", "Tu", "31", "达斡尔族", "Daur", "32", "仫佬族", "Mulao",
            "33", "羌族", "Qiang", "34", "布朗族", "Blang", "35", "撒拉族", "Salar", "36", "毛南族", "Maonan",
            "37", "仡佬族", "Gelao", "38", "锡伯族", "Xibe", "39", "阿昌族", "Achang", "40", "普米族", "Pumi",
            "41", "塔吉克族", "Tajik", "42", "怒族", "Nu", "43", "乌孜别克族", "Uzbek", "44", "俄罗斯族", "Russ",
            "45", "鄂温克族", "Ewenki", "46", "德昂族", "Deang", "47", "保安族", "Bonan", "48", "裕固族", "Yugur",
            "49", "京族", "Gin", "50", "塔塔尔族", "Tatar", "51", "独龙族", "Derung", "52", "鄂伦春族", "Oroqen",
            "53", "赫哲族", "Hezhen", "54", "门巴族", "Monba", "55", "珞巴族", "Lhoba", "56", "基诺族", "Jino",
            "97", "其他", "Others", "98", "外国血统中国籍人士", "Chinese citizens of foreign origin");

    private final Map<String, Function<String, Optional<String[]>>> byStandard = new LinkedHashMap<>();

    /** @param divisionNames the full Chinese name of a division code, if the platform knows it */
    public CodeMeanings(Function<String, Optional<String>> divisionNames) {
        Function<String, Optional<String[]>> divisions = code -> divisionNames.apply(code)
                .map(name -> new String[] { name, name });
        for (String name : new String[] { "GB/T 2260", "GB 2260", "行政区划代码" }) {
            byStandard.put(ValueStandards.key(name), divisions);
        }
        for (String name : new String[] { "GB/T 2261.1", "GB 2261.1" }) {
            byStandard.put(ValueStandards.key(name), code -> Optional.ofNullable(SEX.get(code)));
        }
        for (String name : new String[] { "GB/T 3304", "GB 3304" }) {
            byStandard.put(ValueStandards.key(name), code -> Optional.ofNullable(ETHNIC_GROUP.get(code)));
        }
    }

    /** Whether values of an item with this value standard have meanings to show. */
    public boolean decodes(String standard) {
        return standard != null && !standard.isBlank() && byStandard.containsKey(ValueStandards.key(standard));
    }

    /** The meaning of a value under an item's value standard (its text as the catalog gives it), if any. */
    public Optional<String> of(String standard, String value, Locale locale) {
        if (!decodes(standard) || value == null) {
            return Optional.empty();
        }
        boolean english = locale != null && locale.getLanguage().equals("en");
        return byStandard.get(ValueStandards.key(standard)).apply(value.strip()).map(names -> english ? names[1] : names[0]);
    }

    private static Map<String, String[]> ordered(String... codeChineseEnglish) {
        Map<String, String[]> meanings = new LinkedHashMap<>();
        for (int i = 0; i < codeChineseEnglish.length; i += 3) {
            meanings.put(codeChineseEnglish[i], new String[] { codeChineseEnglish[i + 1], codeChineseEnglish[i + 2] });
        }
        return java.util.Collections.unmodifiableMap(meanings);
    }
}
