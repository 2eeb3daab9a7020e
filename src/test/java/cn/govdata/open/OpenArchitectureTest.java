package cn.govdata.open;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import cn.govdata.lake.LakeRecords;

/**
 * The open-data module's structure: its rooms do not depend on each other in a circle, and values of open data
 * have one way out — only the desensitisation gate (and the scan before opening, which reads values inside the
 * platform and reports counts) reads the lake.
 */
class OpenArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.govdata.open");

    @Test
    void roomsAreFreeOfCycles() {
        slices().matching("cn.govdata.open.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheGateAndTheScanReadTheLake() {
        noClasses().that().haveNameNotMatching(
                "cn\\.govdata\\.open\\.desensitise\\.(DesensitisationGate|PersonalDataScan)(\\$.*)?")
                .should().dependOnClassesThat().belongToAnyOf(LakeRecords.class)
                .because("every value of open data leaves through the desensitisation gate")
                .check(classes);
    }
}
