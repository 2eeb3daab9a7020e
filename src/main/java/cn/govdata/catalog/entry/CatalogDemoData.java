package cn.govdata.catalog.entry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.govdata.catalog.Classification;
import cn.govdata.catalog.Classification.Category;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.DataItem.DataType;
import cn.govdata.catalog.DataItem.Sensitivity;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.EntryContent.ShareMethod;
import cn.govdata.catalog.EntryContent.UpdateCycle;
import cn.govdata.catalog.LegalBasis;
import cn.govdata.catalog.ResourceFormat;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.shared.Actor;
import cn.govdata.shared.Role;

/**
 * Demo mode only: a plausible city catalog for the demo departments, created through the catalog's own
 * services (rules, codes, audit): lead departments of the base and thematic resources, published entries
 * with ID-number and credit-code items, a few submissions in the review queue, one suspected duplicate,
 * one draft, and update obligations (one overdue). Runs once, after the organisation's demo data.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty("govdata.demo")
@Order(2)
class CatalogDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogDemoData.class);

    private static final LegalBasis PIPL_SHARE = new LegalBasis(LegalBasis.Kind.LAW, "中华人民共和国个人信息保护法", "第三十四条");
    private static final LegalBasis PIPL_OPEN = new LegalBasis(LegalBasis.Kind.LAW, "中华人民共和国个人信息保护法", "第十三条");
    private static final LegalBasis REAL_ESTATE = new LegalBasis(LegalBasis.Kind.REGULATION, "不动产登记暂行条例", "第二十八条");
    private static final LegalBasis HOUSING_FUND = new LegalBasis(LegalBasis.Kind.REGULATION, "住房公积金管理条例", "第三十三条");

    private final JdbcClient jdbc;
    private final Directory directory;
    private final CatalogEntries entries;
    private final CatalogLeads leads;
    private final UpdateObligations obligations;

    CatalogDemoData(JdbcClient jdbc, Directory directory, CatalogEntries entries, CatalogLeads leads,
            UpdateObligations obligations) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.entries = entries;
        this.leads = leads;
        this.obligations = obligations;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from catalog_entry").query(Integer.class).single() > 0) {
            return;
        }
        DepartmentInfo authority = jdbc.sql("select d.id from department d where d.authority order by d.id")
                .query(Long.class).list().stream().findFirst().flatMap(directory::department).orElse(null);
        if (authority == null) {
            return;
        }
        List<DepartmentInfo> departments = directory.departments(authority.regionId());
        if (departments.stream().noneMatch(d -> d.name().endsWith("公安局"))) {
            return;  // not the organisation demo data this catalog is written for
        }
        Actor reviewer = new Actor(Actor.Kind.USER, 0, "demo-data", authority.id(), authority.regionId(), true,
                Set.of(Role.CATALOG_REVIEWER));
        try {
            seed(reviewer, departments);
        } finally {
            SecurityContextHolder.clearContext();
        }
        log.info("Demo catalog loaded: {} entries", jdbc.sql("select count(*) from catalog_entry").query(Integer.class).single());
    }

    private void seed(Actor reviewer, List<DepartmentInfo> departments) {
        DepartmentInfo police = named(departments, "公安局");
        DepartmentInfo civil = named(departments, "民政局");
        DepartmentInfo social = named(departments, "人力资源和社会保障局");
        DepartmentInfo land = named(departments, "自然资源和规划局");
        DepartmentInfo market = named(departments, "市场监督管理局");
        DepartmentInfo health = named(departments, "卫生健康委员会");
        DepartmentInfo education = named(departments, "教育局");
        DepartmentInfo housing = named(departments, "住房和城乡建设局");
        DepartmentInfo ecology = named(departments, "生态环境局");
        DepartmentInfo transport = named(departments, "交通运输局");
        DepartmentInfo fund = named(departments, "住房公积金管理中心");
        DepartmentInfo water = named(departments, "供水集团有限公司");

        as(reviewer);
        Map.of("101", police, "105", police, "102", market, "103", land, "201", health, "202", social, "203", market,
                "208", housing, "210", ecology).forEach((subject, lead) -> leads.designate(reviewer, subject, lead.id()));

        publish(reviewer, police, entry("人口基本信息", base("01"), "全市户籍人口和登记流动人口的身份、户籍和住址信息。",
                ShareType.CONDITIONAL, "用于政务部门依法履职时核验身份，按最小必要原则提供。", List.of("共享申请表", "履职依据说明"),
                PIPL_SHARE, OpenType.NOT_OPEN, UpdateCycle.REALTIME,
                item("id_number", "公民身份号码", DataType.CHARACTER, 18, true, true, "GB 11643", Sensitivity.PERSONAL_INFORMATION),
                item("full_name", "姓名", DataType.CHARACTER, 50, true, false, null, Sensitivity.PERSONAL_INFORMATION),
                item("gender", "性别", DataType.CHARACTER, 1, true, false, "GB/T 2261.1", Sensitivity.PERSONAL_INFORMATION),
                item("ethnicity", "民族", DataType.CHARACTER, 2, false, false, "GB/T 3304", Sensitivity.PERSONAL_INFORMATION),
                item("birth_date", "出生日期", DataType.DATE, null, true, false, null, Sensitivity.PERSONAL_INFORMATION),
                item("household_division", "户籍地行政区划代码", DataType.CHARACTER, 6, true, false, "GB/T 2260", Sensitivity.NONE),
                item("household_address", "户籍地址", DataType.CHARACTER, 200, false, false, null, Sensitivity.PERSONAL_INFORMATION)));
        publish(reviewer, police, entry("居民身份证电子证照", base("05"), "居民身份证的电子证照信息，供政务服务办理时核验。",
                ShareType.CONDITIONAL, "办理政务服务事项时经本人授权核验。", List.of("共享申请表", "本人授权书"),
                PIPL_SHARE, OpenType.NOT_OPEN, UpdateCycle.REALTIME,
                item("licence_no", "证照编号", DataType.CHARACTER, 64, true, true, null, Sensitivity.NONE),
                item("id_number", "公民身份号码", DataType.CHARACTER, 18, true, false, "GB 11643", Sensitivity.PERSONAL_INFORMATION),
                item("full_name", "姓名", DataType.CHARACTER, 50, true, false, null, Sensitivity.PERSONAL_INFORMATION),
                item("valid_until", "有效期截止日期", DataType.DATE, null, true, false, null, Sensitivity.NONE)));
        publish(reviewer, market, entry("市场主体登记信息", base("02"), "在本市登记的企业、个体工商户和农民专业合作社的登记信息。",
                ShareType.UNCONDITIONAL, null, List.of(), null, OpenType.OPEN, UpdateCycle.DAILY,
                item("credit_code", "统一社会信用代码", DataType.CHARACTER, 18, true, true, "GB 32100", Sensitivity.NONE),
                item("entity_name", "市场主体名称", DataType.CHARACTER, 200, true, false, null, Sensitivity.NONE),
                item("legal_representative", "法定代表人", DataType.CHARACTER, 50, true, false, null, Sensitivity.NONE),
                item("registered_capital", "注册资本（万元）", DataType.CURRENCY, 18, false, false, null, Sensitivity.NONE),
                item("established_on", "成立日期", DataType.DATE, null, true, false, null, Sensitivity.NONE),
                item("domicile", "住所", DataType.CHARACTER, 200, true, false, null, Sensitivity.NONE),
                item("registration_authority", "登记机关", DataType.CHARACTER, 100, true, false, null, Sensitivity.NONE)));
        publish(reviewer, market, entry("食品经营许可证信息", thematic("03"), "食品经营许可证的核发、变更和注销信息。",
                ShareType.UNCONDITIONAL, null, List.of(), null, OpenType.OPEN, UpdateCycle.DAILY,
                item("licence_no", "许可证编号", DataType.CHARACTER, 20, true, true, null, Sensitivity.NONE),
                item("credit_code", "统一社会信用代码", DataType.CHARACTER, 18, true, false, "GB 32100", Sensitivity.NONE),
                item("operator_name", "经营者名称", DataType.CHARACTER, 200, true, false, null, Sensitivity.NONE),
                item("business_scope", "经营项目", DataType.MEMO, null, false, false, null, Sensitivity.NONE),
                item("valid_until", "有效期至", DataType.DATE, null, true, false, null, Sensitivity.NONE)));
        publish(reviewer, land, entry("不动产登记信息", base("03"), "土地、房屋等不动产的权利人、坐落和权利状况。",
                ShareType.CONDITIONAL, "限于不动产交易、税收征管和司法查控等法定用途。", List.of("共享申请表", "法定用途证明"),
                REAL_ESTATE, OpenType.NOT_OPEN, UpdateCycle.REALTIME,
                item("unit_no", "不动产单元号", DataType.CHARACTER, 28, true, true, "GB/T 37346", Sensitivity.NONE),
                item("holder_name", "权利人", DataType.CHARACTER, 200, true, false, null, Sensitivity.PERSONAL_INFORMATION),
                item("holder_id", "权利人证件号码", DataType.CHARACTER, 18, true, false, null, Sensitivity.PERSONAL_INFORMATION),
                item("location", "坐落", DataType.CHARACTER, 200, true, false, null, Sensitivity.NONE),
                item("area", "面积（平方米）", DataType.NUMERIC, 12, true, false, null, Sensitivity.NONE)));
        publish(reviewer, civil, entry("社会组织登记信息", department("01", "001"), "社会团体、民办非企业单位和基金会的登记信息。",
                ShareType.UNCONDITIONAL, null, List.of(), null, OpenType.OPEN, UpdateCycle.WEEKLY,
                item("credit_code", "统一社会信用代码", DataType.CHARACTER, 18, true, true, "GB 32100", Sensitivity.NONE),
                item("organisation_name", "社会组织名称", DataType.CHARACTER, 200, true, false, null, Sensitivity.NONE),
                item("organisation_type", "社会组织类型", DataType.CHARACTER, 20, true, false, null, Sensitivity.NONE),
                item("legal_representative", "法定代表人", DataType.CHARACTER, 50, true, false, null, Sensitivity.NONE),
                item("supervising_unit", "业务主管单位", DataType.CHARACTER, 200, false, false, null, Sensitivity.NONE)));
        publish(reviewer, civil, entry("婚姻登记信息", department("01", "002"), "结婚、离婚登记和补发婚姻登记证信息。",
                ShareType.CONDITIONAL, "办理户籍、住房、公积金等业务时核验婚姻状况。", List.of("共享申请表", "本人授权书"),
                PIPL_SHARE, OpenType.NOT_OPEN, UpdateCycle.DAILY,
                item("certificate_no", "婚姻登记证字号", DataType.CHARACTER, 30, true, true, null, Sensitivity.NONE),
                item("party_id_number", "当事人公民身份号码", DataType.CHARACTER, 18, true, false, "GB 11643", Sensitivity.PERSONAL_INFORMATION),
                item("registration_type", "登记类型", DataType.CHARACTER, 10, true, false, null, Sensitivity.NONE),
                item("registered_on", "登记日期", DataType.DATE, null, true, false, null, Sensitivity.NONE)));
        publish(reviewer, social, entry("社会保险参保信息", thematic("02"), "企业职工养老、失业、工伤保险的参保和缴费信息。",
                ShareType.CONDITIONAL, "用于社会救助、人才服务等业务的参保状态核验。", List.of("共享申请表"),
                PIPL_SHARE, OpenType.NOT_OPEN, UpdateCycle.MONTHLY,
                item("id_number", "公民身份号码", DataType.CHARACTER, 18, true, true, "GB 11643", Sensitivity.PERSONAL_INFORMATION),
                item("insurance_type", "险种类型", DataType.CHARACTER, 10, true, true, null, Sensitivity.NONE),
                item("employer_credit_code", "参保单位统一社会信用代码", DataType.CHARACTER, 18, false, false, "GB 32100", Sensitivity.NONE),
                item("paid_months", "累计缴费月数", DataType.INTEGER, null, true, false, null, Sensitivity.NONE)));
        publish(reviewer, health, entry("医疗机构执业登记信息", department("02", "001"), "医疗机构的名称、类别、执业地址和诊疗科目。",
                ShareType.UNCONDITIONAL, null, List.of(), null, OpenType.OPEN, UpdateCycle.MONTHLY,
                item("licence_no", "执业许可证登记号", DataType.CHARACTER, 30, true, true, null, Sensitivity.NONE),
                item("institution_name", "机构名称", DataType.CHARACTER, 200, true, false, null, Sensitivity.NONE),
                item("category", "机构类别", DataType.CHARACTER, 50, true, false, "WS 218", Sensitivity.NONE),
                item("address", "执业地址", DataType.CHARACTER, 200, true, false, null, Sensitivity.NONE)));
        publish(reviewer, education, entry("学校基本信息", department("03", "001"), "全市中小学和幼儿园的办学类型、地址和规模。",
                ShareType.UNCONDITIONAL, null, List.of(), null, OpenType.OPEN, UpdateCycle.YEARLY,
                item("school_code", "学校标识码", DataType.CHARACTER, 10, true, true, null, Sensitivity.NONE),
                item("school_name", "学校名称", DataType.CHARACTER, 200, true, false, null, Sensitivity.NONE),
                item("school_type", "办学类型", DataType.CHARACTER, 20, true, false, null, Sensitivity.NONE),
                item("address", "地址", DataType.CHARACTER, 200, true, false, null, Sensitivity.NONE)));
        publish(reviewer, housing, entry("建筑工程施工许可信息", thematic("08"), "房屋建筑和市政基础设施工程的施工许可信息。",
                ShareType.UNCONDITIONAL, null, List.of(), null, OpenType.OPEN, UpdateCycle.DAILY,
                item("permit_no", "施工许可证编号", DataType.CHARACTER, 30, true, true, null, Sensitivity.NONE),
                item("project_name", "工程名称", DataType.CHARACTER, 200, true, false, null, Sensitivity.NONE),
                item("builder_credit_code", "建设单位统一社会信用代码", DataType.CHARACTER, 18, true, false, "GB 32100", Sensitivity.NONE),
                item("contract_price", "合同价格（万元）", DataType.CURRENCY, 18, false, false, null, Sensitivity.NONE)));
        publish(reviewer, ecology, entry("重点排污单位自动监测数据", thematic("10"), "重点排污单位污染物排放的在线监测数据。",
                ShareType.UNCONDITIONAL, null, List.of(), null, OpenType.OPEN, UpdateCycle.REALTIME,
                item("credit_code", "排污单位统一社会信用代码", DataType.CHARACTER, 18, true, true, "GB 32100", Sensitivity.NONE),
                item("outlet_code", "排放口编号", DataType.CHARACTER, 20, true, true, null, Sensitivity.NONE),
                item("pollutant", "污染物名称", DataType.CHARACTER, 50, true, true, null, Sensitivity.NONE),
                item("measured_at", "监测时间", DataType.DATETIME, null, true, true, null, Sensitivity.NONE),
                item("concentration", "排放浓度", DataType.FLOAT, 12, true, false, null, Sensitivity.NONE)));
        publish(reviewer, transport, entry("道路运输经营许可信息", department("04", "001"), "道路旅客和货物运输经营许可信息。",
                ShareType.UNCONDITIONAL, null, List.of(), null, OpenType.OPEN, UpdateCycle.WEEKLY,
                item("permit_no", "经营许可证号", DataType.CHARACTER, 20, true, true, null, Sensitivity.NONE),
                item("operator_credit_code", "经营者统一社会信用代码", DataType.CHARACTER, 18, true, false, "GB 32100", Sensitivity.NONE),
                item("operator_name", "经营者名称", DataType.CHARACTER, 200, true, false, null, Sensitivity.NONE),
                item("business_scope", "经营范围", DataType.CHARACTER, 500, true, false, null, Sensitivity.NONE)));
        publish(reviewer, fund, entry("住房公积金缴存信息", department("05", "001"), "职工住房公积金账户的缴存基数、比例和余额。",
                ShareType.CONDITIONAL, "办理住房贷款、个税扣除核验时提供。", List.of("共享申请表", "本人授权书"),
                HOUSING_FUND, OpenType.NOT_OPEN, UpdateCycle.MONTHLY,
                item("account_no", "个人公积金账号", DataType.CHARACTER, 20, true, true, null, Sensitivity.PERSONAL_INFORMATION),
                item("id_number", "公民身份号码", DataType.CHARACTER, 18, true, false, "GB 11643", Sensitivity.PERSONAL_INFORMATION),
                item("base_amount", "缴存基数", DataType.CURRENCY, 12, true, false, null, Sensitivity.PERSONAL_INFORMATION),
                item("balance", "账户余额", DataType.CURRENCY, 14, true, false, null, Sensitivity.PERSONAL_INFORMATION)));
        publish(reviewer, water, entry("供水用户用水信息", department("06", "001"), "居民和非居民供水用户的月度用水量，用于低收入认定等核验。",
                ShareType.CONDITIONAL, "用于社会救助对象认定中的生活状况核验。", List.of("共享申请表"),
                PIPL_SHARE, OpenType.NOT_OPEN, UpdateCycle.MONTHLY,
                item("customer_no", "用户号", DataType.CHARACTER, 20, true, true, null, Sensitivity.NONE),
                item("address", "用水地址", DataType.CHARACTER, 200, true, false, null, Sensitivity.PERSONAL_INFORMATION),
                item("month", "用水月份", DataType.CHARACTER, 6, true, true, null, Sensitivity.NONE),
                item("volume", "用水量（立方米）", DataType.NUMERIC, 10, true, false, null, Sensitivity.NONE)));

        // in the review queue: a new entry, and one that looks like the civil-affairs register of social organisations
        submit(police, entry("机动车驾驶人信息", department("07", "001"), "机动车驾驶证的准驾车型、状态和记分信息。",
                ShareType.CONDITIONAL, "用于交通运输、保险理赔等业务的驾驶资格核验。", List.of("共享申请表"),
                PIPL_SHARE, OpenType.NOT_OPEN, UpdateCycle.DAILY,
                item("licence_no", "驾驶证号", DataType.CHARACTER, 18, true, true, "GB 11643", Sensitivity.PERSONAL_INFORMATION),
                item("permitted_class", "准驾车型", DataType.CHARACTER, 10, true, false, "GA/T 16.18", Sensitivity.NONE),
                item("status", "驾驶证状态", DataType.CHARACTER, 2, true, false, null, Sensitivity.NONE),
                item("points", "累积记分", DataType.INTEGER, null, true, false, null, Sensitivity.NONE)));
        submit(education, entry("民办学校社会组织登记信息", department("03", "002"), "登记为民办非企业单位的民办学校信息。",
                ShareType.UNCONDITIONAL, null, List.of(), null, OpenType.OPEN, UpdateCycle.YEARLY,
                item("credit_code", "统一社会信用代码", DataType.CHARACTER, 18, true, true, "GB 32100", Sensitivity.NONE),
                item("organisation_name", "社会组织名称", DataType.CHARACTER, 200, true, false, null, Sensitivity.NONE),
                item("legal_representative", "法定代表人", DataType.CHARACTER, 50, true, false, null, Sensitivity.NONE),
                item("school_type", "办学类型", DataType.CHARACTER, 20, true, false, null, Sensitivity.NONE)));
        // on the police editor's desk
        draft(police, entry("流动人口居住登记信息", base("01"), "", ShareType.CONDITIONAL, null, List.of(), null,
                OpenType.NOT_OPEN, UpdateCycle.DAILY,
                item("id_number", "公民身份号码", DataType.CHARACTER, 18, true, true, "GB 11643", Sensitivity.PERSONAL_INFORMATION)));

        // update obligations: one long overdue (of a department the later demo data gives no new entry, which would
        // meet it), one just recorded
        as(editorOf(social));
        obligations.record(editorOf(social), new UpdateObligations.NewObligation(social.id(), null,
                UpdateObligations.Trigger.LAW_CHANGED, LocalDate.now(cn.govdata.policy.WorkingDayCalendar.ZONE).minusDays(40),
                "《社会保险经办条例》施行，参保信息项需调整"));
        as(editorOf(civil));
        obligations.record(editorOf(civil), new UpdateObligations.NewObligation(civil.id(), null,
                UpdateObligations.Trigger.SYSTEM_UPDATED, LocalDate.now(cn.govdata.policy.WorkingDayCalendar.ZONE).minusDays(2),
                "婚姻登记管理信息系统升级，新增跨省通办字段"));
    }

    private void publish(Actor reviewer, DepartmentInfo department, EntryContent content) {
        long id = submit(department, content);
        as(reviewer);
        entries.publish(reviewer, id, false);
    }

    private long submit(DepartmentInfo department, EntryContent content) {
        long id = draft(department, content);
        entries.submit(editorOf(department), id, null);
        return id;
    }

    private long draft(DepartmentInfo department, EntryContent content) {
        Actor editor = editorOf(department);
        as(editor);
        return entries.create(editor, new CatalogEntries.NewEntry(content, null, "首次编目")).id();
    }

    /** The loader acts as each department's editor, under its own name in the audit log. */
    private static Actor editorOf(DepartmentInfo department) {
        return new Actor(Actor.Kind.USER, 0, "demo-data", department.id(), department.regionId(), false,
                Set.of(Role.CATALOG_EDITOR));
    }

    private static void as(Actor actor) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of()));
    }

    private static DepartmentInfo named(List<DepartmentInfo> departments, String suffix) {
        return departments.stream().filter(d -> d.name().endsWith(suffix)).findFirst().orElseThrow();
    }

    private static Classification base(String item) {
        return new Classification(Category.BASE, item, null, null);
    }

    private static Classification thematic(String item) {
        return new Classification(Category.THEMATIC, item, null, null);
    }

    private static Classification department(String item, String target) {
        return new Classification(Category.DEPARTMENT, item, target, null);
    }

    private static DataItem item(String name, String chineseName, DataType type, Integer length, boolean required,
            boolean key, String standard, Sensitivity sensitivity) {
        return new DataItem(name, chineseName, type, length, required, key, standard, sensitivity);
    }

    private static EntryContent entry(String name, Classification classification, String summary, ShareType share,
            String condition, List<String> materials, LegalBasis shareBasis, OpenType open, UpdateCycle cycle,
            DataItem... items) {
        return new EntryContent(name, classification, summary, ResourceFormat.DATABASE, "KingbaseES",
                LocalDate.of(2025, 6, 30), List.of(), false, new ArrayList<>(Arrays.asList(items)), share, condition,
                ShareMethod.PLATFORM_INTERFACE, materials, shareBasis, open, null,
                open == OpenType.NOT_OPEN ? PIPL_OPEN : null, cycle);
    }
}
