package cn.govdata.catalog;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The catalog's rooms (see its package-info): no import cycle between its sub-packages, no package over 25
 * classes, and the entry room at the bottom, so that search, the Excel sheets and the published lists build on
 * it and never on each other.
 */
class CatalogPackagesTest {

    private static final JavaClasses CATALOG = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.govdata.catalog");

    @Test
    void subPackagesHaveNoImportCycles() {
        slices().matching("cn.govdata.catalog.(*)..").should().beFreeOfCycles().check(CATALOG);
    }

    @Test
    void roomsDependOnlyOnTheEntryRoom() {
        slices().matching("cn.govdata.catalog.(*)..").should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAPackage("cn.govdata.catalog.entry.."))
                .check(CATALOG);
    }

    @Test
    void noPackageHoldsMoreThan25Classes() {
        Map<String, Long> classesByPackage = CATALOG.stream()
                .filter(JavaClass::isTopLevelClass)
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(JavaClass::getPackageName, Collectors.counting()));
        assertThat(classesByPackage).containsKeys("cn.govdata.catalog", "cn.govdata.catalog.entry",
                "cn.govdata.catalog.search", "cn.govdata.catalog.sheet", "cn.govdata.catalog.lists");
        assertThat(classesByPackage).allSatisfy((pkg, count) -> assertThat(count).as(pkg).isLessThanOrEqualTo(25));
    }
}
