package cn.govdata.lake;

import java.util.List;

import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.DataItem.DataType;
import cn.govdata.catalog.DataItem.Sensitivity;

/** A population register entry as a department would catalog it. */
public final class LakeFixtures {

    public static final DataItem NAME = new DataItem("xm", "姓名", DataType.CHARACTER, 50, true, false, null,
            Sensitivity.PERSONAL_INFORMATION);
    public static final DataItem ID_NUMBER = new DataItem("gmsfhm", "公民身份号码", DataType.CHARACTER, 18, true, true,
            "GB 11643-1999", Sensitivity.PERSONAL_INFORMATION);
    static final DataItem SEX = new DataItem("xb", "性别", DataType.CHARACTER, 1, false, false, "GB/T 2261.1", null);
    static final DataItem ETHNIC_GROUP = new DataItem("mz", "民族", DataType.CHARACTER, 2, false, false, "GB/T 3304", null);
    public static final DataItem BIRTH_DATE = new DataItem("csrq", "出生日期", DataType.DATE, null, false, false, null, null);
    static final DataItem DIVISION = new DataItem("xzqh", "行政区划代码", DataType.CHARACTER, 6, true, false, "GB/T 2260", null);
    public static final DataItem MOBILE = new DataItem("sjhm", "手机号码", DataType.CHARACTER, 11, false, false, "手机号码", null);
    static final DataItem EMAIL = new DataItem("dzyx", "电子邮箱", DataType.CHARACTER, 100, false, false, "email", null);
    static final DataItem REGISTERED = new DataItem("djsj", "登记时间", DataType.DATETIME, null, true, false, null, null);
    public static final DataItem HOUSEHOLD = new DataItem("jtrks", "家庭人口数", DataType.INTEGER, 2, false, false, null, null);
    static final DataItem INCOME = new DataItem("ysr", "月收入", DataType.CURRENCY, 10, false, false, null,
            Sensitivity.PERSONAL_INFORMATION);
    static final DataItem EMPLOYER = new DataItem("dwtyshxydm", "单位统一社会信用代码", DataType.CHARACTER, 18, false,
            false, "GB 32100", null);
    static final DataItem VERIFIED = new DataItem("sfhs", "是否核实", DataType.LOGICAL, null, false, false, null, null);
    static final DataItem REMARK = new DataItem("bz", "备注", DataType.MEMO, 200, false, false, "某局内部代码", null);

    public static final List<DataItem> POPULATION = List.of(NAME, ID_NUMBER, SEX, ETHNIC_GROUP, BIRTH_DATE, DIVISION, MOBILE,
            EMAIL, REGISTERED, HOUSEHOLD, INCOME, EMPLOYER, VERIFIED, REMARK);

    private LakeFixtures() {
    }
}
