package cn.govdata.catalog;

import java.time.LocalDate;
import java.util.List;

import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;

/**
 * What one version of a catalog entry says (CAT-1): everything a department compiles, except the codes and
 * the state the platform keeps. Stored whole per version, so versions can be compared field by field.
 *
 * @param name resource name (信息资源名称)
 * @param classification 类-项-目-细目
 * @param summary what the data is about (信息资源摘要)
 * @param format resource format and its sub-format
 * @param releaseDate the date the resource was first provided (发布日期)
 * @param relatedCodes resource codes of related entries (关联资源代码)
 * @param classified the secrecy attribute: classified data never enters the platform (SEC-3)
 * @param dataItems the data items (信息项)
 * @param shareType share type (共享类型)
 * @param shareCondition the condition of conditional sharing (共享条件)
 * @param shareMethod how it is shared (共享方式)
 * @param applicantMaterials what an applicant must supply (CAT-8)
 * @param shareBasis legal basis for conditional or no sharing (CAT-2)
 * @param openType open type (开放类型)
 * @param openCondition the condition of conditional opening (开放条件)
 * @param openBasis legal basis for not opening (CAT-3)
 * @param updateCycle how often the data is updated (更新周期)
 * @param grade the entry's grade (SEC-4, GB/T 43697-2024), reviewed with the entry; when the provider names none,
 *        the highest of its items' ({@link GradeRules#derived})
 */
public record EntryContent(String name, Classification classification, String summary, ResourceFormat format,
        String subFormat, LocalDate releaseDate, List<String> relatedCodes, boolean classified,
        List<DataItem> dataItems, ShareType shareType, String shareCondition, ShareMethod shareMethod,
        List<String> applicantMaterials, LegalBasis shareBasis, OpenType openType, String openCondition,
        LegalBasis openBasis, UpdateCycle updateCycle, DataGrade grade) {

    /** 共享方式: through the platform (database table, interface or file), by mail, or on a medium. */
    public enum ShareMethod { PLATFORM_TABLE, PLATFORM_INTERFACE, PLATFORM_FILE, MAIL, MEDIUM }

    /** 更新周期. */
    public enum UpdateCycle { REALTIME, DAILY, WEEKLY, MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY, OTHER }

    public EntryContent {
        relatedCodes = relatedCodes == null ? List.of() : List.copyOf(relatedCodes);
        dataItems = dataItems == null ? List.of() : List.copyOf(dataItems);
        applicantMaterials = applicantMaterials == null ? List.of() : List.copyOf(applicantMaterials);
        grade = grade == null ? GradeRules.derived(dataItems) : grade;
    }

    /** Content whose grade is derived from its items. */
    public EntryContent(String name, Classification classification, String summary, ResourceFormat format,
            String subFormat, LocalDate releaseDate, List<String> relatedCodes, boolean classified,
            List<DataItem> dataItems, ShareType shareType, String shareCondition, ShareMethod shareMethod,
            List<String> applicantMaterials, LegalBasis shareBasis, OpenType openType, String openCondition,
            LegalBasis openBasis, UpdateCycle updateCycle) {
        this(name, classification, summary, format, subFormat, releaseDate, relatedCodes, classified, dataItems,
                shareType, shareCondition, shareMethod, applicantMaterials, shareBasis, openType, openCondition,
                openBasis, updateCycle, null);
    }

    /** The items that identify a record. */
    public List<DataItem> recordKey() {
        return dataItems.stream().filter(DataItem::recordKey).toList();
    }
}
