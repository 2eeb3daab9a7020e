package cn.govdata;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(GovdataApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicSurfaceAndDeclaredDependencies() {
        modules.verify();
    }

    /**
     * Inside a module, the rooms (sub-packages such as {@code lake.ingest} and {@code lake.quality}) depend on
     * each other one way only, so that each can be read, and changed, from the ones below it. The module's base
     * package (its API) is not a room: it may use its rooms and they may use it.
     */
    @Test
    void roomsOfAModuleHaveNoImportCycle() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(GovdataApplication.class.getPackageName());
        slices().matching("cn.govdata.(*).(*)..").namingSlices("$1.$2").should().beFreeOfCycles()
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void writesTheModuleDiagramForTheDocs() {
        new Documenter(modules).writeModulesAsPlantUml();
    }
}
