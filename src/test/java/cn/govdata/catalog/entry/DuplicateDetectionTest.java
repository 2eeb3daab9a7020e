package cn.govdata.catalog.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The similarity measures behind duplicate detection (CAT-5). */
class DuplicateDetectionTest {

    @Test
    void chineseNamesAreComparedByCharacterBigramsIgnoringPunctuation() {
        assertThat(DuplicateDetection.bigrams("企业登记（信息）")).containsExactlyInAnyOrder("企业", "业登", "登记", "记信", "信息");
        assertThat(DuplicateDetection.dice(DuplicateDetection.bigrams("个体工商户登记信息"),
                DuplicateDetection.bigrams("个体工商户登记数据"))).isCloseTo(0.75, within(0.01));
        assertThat(DuplicateDetection.dice(DuplicateDetection.bigrams("疫苗接种记录"),
                DuplicateDetection.bigrams("不动产登记信息"))).isZero();
        assertThat(DuplicateDetection.bigrams("户")).containsExactly("户");
    }

    @Test
    void itemOverlapIsJaccardOfTheNames() {
        assertThat(DuplicateDetection.jaccard(Set.of("姓名", "公民身份号码", "性别"), Set.of("姓名", "公民身份号码")))
                .isCloseTo(2.0 / 3, within(0.001));
        assertThat(DuplicateDetection.jaccard(Set.of(), Set.of("姓名"))).isZero();
    }
}
