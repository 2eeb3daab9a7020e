package cn.govdata.share;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import cn.govdata.shared.MaskingRule;

/**
 * The rooms of the share module (its sub-packages, listed in its {@code package-info}): none depends on another in a
 * cycle, none grows past 25 classes, and shared data is masked in one place only, the grant's gate
 * ({@link AuthorizedUse}).
 */
class ShareRoomsTest {

    private static final JavaClasses SHARE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.govdata.share");

    @Test
    void noRoomDependsOnAnotherInACycle() {
        slices().matching("cn.govdata.share.(*)..").should().beFreeOfCycles().check(SHARE);
    }

    @Test
    void noRoomHoldsMoreThan25Classes() {
        Map<String, Integer> classes = new TreeMap<>();
        for (JavaClass type : SHARE) {
            if (type.isTopLevelClass() && !type.getSimpleName().equals("package-info")) {
                classes.merge(type.getPackageName(), 1, Integer::sum);
            }
        }
        assertThat(classes).containsKeys("cn.govdata.share", "cn.govdata.share.grant", "cn.govdata.share.access");
        assertThat(classes).allSatisfy((room, count) -> assertThat(count).as(room).isLessThanOrEqualTo(25));
    }

    @Test
    void valuesAreMaskedOnlyByTheGrantsGate() {
        noClasses().that().doNotBelongToAnyOf(AuthorizedUse.class).should()
                .callMethod(MaskingRule.class, "apply", String.class)
                .because("every value that leaves under a grant passes through AuthorizedUse.masked").check(SHARE);
    }
}
