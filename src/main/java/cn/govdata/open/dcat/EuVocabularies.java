package cn.govdata.open.dcat;

import java.util.List;
import java.util.Map;

import cn.govdata.catalog.Classification;
import cn.govdata.catalog.Classification.Category;
import cn.govdata.catalog.EntryContent.UpdateCycle;

/**
 * The EU controlled vocabularies DCAT-AP asks for, and how the catalog's own terms map onto them: the data themes
 * (from the subject, 项, of a base or thematic resource; a department's own resources are about the government and
 * public sector) and the frequencies (from the update cycle, 更新周期). The tables are the documented mapping of
 * docs/open.md; a subject fitting two themes has both.
 */
final class EuVocabularies {

    static final String DATA_THEMES = DcatTerms.EU + "data-theme";
    static final String FREQUENCIES = DcatTerms.EU + "frequency/";

    /** An EU data theme: its code and its labels. */
    record Theme(String code, String en, String zh) {

        String iri() {
            return DATA_THEMES + "/" + code;
        }
    }

    static final Theme AGRICULTURE = new Theme("AGRI", "Agriculture, fisheries, forestry and food", "农业、渔业、林业和食品");
    static final Theme ECONOMY = new Theme("ECON", "Economy and finance", "经济和金融");
    static final Theme ENERGY = new Theme("ENER", "Energy", "能源");
    static final Theme ENVIRONMENT = new Theme("ENVI", "Environment", "环境");
    static final Theme GOVERNMENT = new Theme("GOVE", "Government and public sector", "政府和公共部门");
    static final Theme HEALTH = new Theme("HEAL", "Health", "卫生健康");
    static final Theme JUSTICE = new Theme("JUST", "Justice, legal system and public safety", "司法、法律体系和公共安全");
    static final Theme REGIONS = new Theme("REGI", "Regions and cities", "地区和城市");
    static final Theme SOCIETY = new Theme("SOCI", "Population and society", "人口和社会");

    /** Base resources (基础信息资源) by subject. */
    private static final Map<String, List<Theme>> BASE = Map.of(
            "01", List.of(SOCIETY),                 // 人口
            "02", List.of(ECONOMY),                 // 法人单位
            "03", List.of(ENVIRONMENT, REGIONS),    // 自然资源和空间地理
            "04", List.of(ECONOMY),                 // 社会信用
            "05", List.of(GOVERNMENT),              // 电子证照
            "06", List.of(REGIONS));                // 城市部件

    /** Thematic resources (主题信息资源) by subject. */
    private static final Map<String, List<Theme>> THEMATIC = Map.ofEntries(
            Map.entry("01", List.of(HEALTH)),                  // 健康保障
            Map.entry("02", List.of(SOCIETY)),                 // 社会保障
            Map.entry("03", List.of(HEALTH, AGRICULTURE)),     // 食品药品安全
            Map.entry("04", List.of(JUSTICE)),                 // 安全生产
            Map.entry("05", List.of(ECONOMY)),                 // 价格监管
            Map.entry("06", List.of(ENERGY)),                  // 能源安全
            Map.entry("07", List.of(ECONOMY)),                 // 信用体系
            Map.entry("08", List.of(REGIONS)),                 // 城乡建设
            Map.entry("09", List.of(SOCIETY, GOVERNMENT)),     // 社区治理
            Map.entry("10", List.of(ENVIRONMENT)),             // 生态环保
            Map.entry("11", List.of(JUSTICE)));                // 应急维稳

    private EuVocabularies() {
    }

    static List<Theme> themes(Classification classification) {
        return switch (classification.category()) {
            case BASE -> BASE.getOrDefault(classification.item(), List.of(GOVERNMENT));
            case THEMATIC -> THEMATIC.getOrDefault(classification.item(), List.of(GOVERNMENT));
            case DEPARTMENT -> List.of(GOVERNMENT);
        };
    }

    /** The EU frequency of an update cycle: 实时 is updated continuously, 其他 is "other". */
    static String frequency(UpdateCycle cycle) {
        return FREQUENCIES + switch (cycle) {
            case REALTIME -> "UPDATE_CONT";
            case DAILY -> "DAILY";
            case WEEKLY -> "WEEKLY";
            case MONTHLY -> "MONTHLY";
            case QUARTERLY -> "QUARTERLY";
            case HALF_YEARLY -> "ANNUAL_2";
            case YEARLY -> "ANNUAL";
            case OTHER -> "OTHER";
        };
    }

    /** Every subject has its themes here (a new subject in the catalog must be mapped too). */
    static boolean covers(Category category, String item) {
        return category == Category.BASE ? BASE.containsKey(item)
                : category != Category.THEMATIC || THEMATIC.containsKey(item);
    }
}
