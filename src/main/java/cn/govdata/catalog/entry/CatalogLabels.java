package cn.govdata.catalog.entry;

import java.util.Map;

import org.springframework.stereotype.Component;

import cn.govdata.catalog.Classification;
import cn.govdata.catalog.Classification.Category;
import cn.govdata.catalog.EntryContent.ShareMethod;
import cn.govdata.catalog.EntryContent.UpdateCycle;
import cn.govdata.catalog.ResourceFormat;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;

/**
 * The Chinese names shown for the catalog's codes in search results, facets and the published lists. Share
 * and open types are named as the region's policy profile names them (无条件共享, 依申请开放, 普遍开放 …); the
 * rest follow the national compilation guide.
 */
@Component
public class CatalogLabels {

    private static final Map<UpdateCycle, String> UPDATE_CYCLES = Map.of(UpdateCycle.REALTIME, "实时",
            UpdateCycle.DAILY, "每日", UpdateCycle.WEEKLY, "每周", UpdateCycle.MONTHLY, "每月", UpdateCycle.QUARTERLY,
            "每季度", UpdateCycle.HALF_YEARLY, "每半年", UpdateCycle.YEARLY, "每年", UpdateCycle.OTHER, "其他");

    private static final Map<Category, String> CATEGORIES = Map.of(Category.BASE, "基础信息资源", Category.THEMATIC,
            "主题信息资源", Category.DEPARTMENT, "部门信息资源");

    private static final Map<ShareMethod, String> SHARE_METHODS = Map.of(ShareMethod.PLATFORM_TABLE, "共享平台（库表）",
            ShareMethod.PLATFORM_INTERFACE, "共享平台（接口）", ShareMethod.PLATFORM_FILE, "共享平台（文件）", ShareMethod.MAIL,
            "邮件", ShareMethod.MEDIUM, "介质");

    /** Used where a profile does not open data and so names no open type. */
    private static final Map<OpenType, String> DEFAULT_OPEN_TYPES = Map.of(OpenType.OPEN, "无条件开放",
            OpenType.CONDITIONAL_OPEN, "有条件开放", OpenType.NOT_OPEN, "不予开放");

    private final ActivePolicy policy;

    CatalogLabels(ActivePolicy policy) {
        this.policy = policy;
    }

    public String shareType(ShareType type) {
        if (type == null) {
            return null;
        }
        PolicyProfile.Text text = policy.profile().shareTypes().get(type);
        return text == null ? type.name() : text.zh();
    }

    public String openType(OpenType type) {
        if (type == null) {
            return null;
        }
        PolicyProfile.OpenData open = policy.profile().openData();
        PolicyProfile.Text text = open == null ? null : open.types().get(type);
        return text == null ? DEFAULT_OPEN_TYPES.get(type) : text.zh();
    }

    public static String format(ResourceFormat format) {
        return format == null ? null : format.zh();
    }

    public static String updateCycle(UpdateCycle cycle) {
        return cycle == null ? null : UPDATE_CYCLES.get(cycle);
    }

    public static String shareMethod(ShareMethod method) {
        return method == null ? null : SHARE_METHODS.get(method);
    }

    public static String category(Category category) {
        return category == null ? null : CATEGORIES.get(category);
    }

    /** The category by its digit (1 基础, 2 主题, 3 部门), or null. */
    public static Category categoryOfDigit(String digit) {
        for (Category category : Category.values()) {
            if (category.digit().equals(digit)) {
                return category;
            }
        }
        return null;
    }

    /**
     * The name of a subject code such as {@code 101} (基础信息资源 / 人口); department resources have no named
     * subjects, so {@code 301} is labelled with its category and number.
     */
    public static String subject(String subjectCode) {
        if (subjectCode == null || subjectCode.length() != 3) {
            return null;
        }
        Category category = categoryOfDigit(subjectCode.substring(0, 1));
        String item = subjectCode.substring(1);
        Classification.Subject subject = switch (category) {
            case BASE -> Classification.BASE_SUBJECTS.get(item);
            case THEMATIC -> Classification.THEMATIC_SUBJECTS.get(item);
            case null, default -> null;
        };
        if (subject != null) {
            return subject.zh();
        }
        return category == null ? null : CATEGORIES.get(category) + " " + item;
    }
}
