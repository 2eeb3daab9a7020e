package cn.govdata.lake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.DataItem.DataType;
import cn.govdata.catalog.DataItem.Sensitivity;

class DataElementsTest {

    private static DataItem item(String name, String chineseName, boolean key, String standard) {
        return new DataItem(name, chineseName, DataType.CHARACTER, 50, false, key, standard, Sensitivity.NONE);
    }

    @Test
    void anElementIsKeyedByItsStandardWrittenAnyWayElseByItsChineseName() {
        assertThat(DataElements.key("GB 11643-1999", "公民身份号码")).isEqualTo("STD:GB11643");
        assertThat(DataElements.key("gb11643", null)).isEqualTo("STD:GB11643");
        assertThat(DataElements.key(null, " 姓 名 ")).isEqualTo("NAME:姓名");
        assertThat(DataElements.key("  ", "姓名")).isEqualTo("NAME:姓名");
    }

    @Test
    void anItemMatchesADesignationByStandardOrByName() {
        assertThat(DataElements.matches(item("lxrsfzh", "联系人身份证号", false, "GB 11643"), "STD:GB11643")).isTrue();
        assertThat(DataElements.matches(item("lxrsfzh", "联系人身份证号", false, null), "STD:GB11643")).isFalse();
        assertThat(DataElements.matches(item("xm", "姓名", false, null), "NAME:姓名")).isTrue();
        assertThat(DataElements.matches(item("frxm", "法定代表人姓名", false, null), "NAME:姓名")).isFalse();
    }

    @Test
    void datasetsAreComparedOnlyWhenTheirSingleKeyFollowsTheSameStandard() {
        List<DataItem> police = List.of(item("gmsfhm", "公民身份号码", true, "GB 11643"), item("xm", "姓名", false, null),
                item("zz", "住址", false, null), item("mz", "民族", false, "GB/T 3304"));
        List<DataItem> civil = List.of(item("sfzh", "身份证号码", true, "GB 11643-1999"), item("name", "姓名", false, null),
                item("nation", "少数民族", false, "GB/T 3304-1991"), item("zz", "住址代码", false, "GB/T 2260"));
        List<DataElements.ItemPair> pairs = DataElements.pairs(police, civil);
        assertThat(pairs).extracting(p -> p.a().name() + "=" + p.b().name()).containsExactly("xm=name", "mz=nation");

        List<DataItem> byCreditCode = List.of(item("tyshxydm", "统一社会信用代码", true, "GB 32100"),
                item("xm", "姓名", false, null));
        assertThat(DataElements.pairs(police, byCreditCode)).isEmpty();
        List<DataItem> composite = List.of(item("gmsfhm", "公民身份号码", true, "GB 11643"), item("nd", "年度", true, null),
                item("xm", "姓名", false, null));
        assertThat(DataElements.entityKeyStandard(composite)).isNull();
        assertThat(DataElements.pairs(police, composite)).isEmpty();
    }

    @Test
    void valuesArePersonalWhenMarkedSoOrWhenTheirStandardIdentifiesAPerson() {
        ValueStandards standards = new ValueStandards(null, LocalDate.of(2026, 1, 1));
        assertThat(DataElements.personal(item("lxr", "联系人身份证号", false, "GB 11643"), standards)).isTrue();
        assertThat(DataElements.personal(new DataItem("xm", "姓名", DataType.CHARACTER, 50, false, false, null,
                Sensitivity.PERSONAL_INFORMATION), standards)).isTrue();
        assertThat(DataElements.personal(item("zz", "住址", false, null), standards)).isFalse();
    }
}
