package cn.govdata;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(GovdataApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicSurfaceAndDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagramForTheDocs() {
        new Documenter(modules).writeModulesAsPlantUml();
    }
}
