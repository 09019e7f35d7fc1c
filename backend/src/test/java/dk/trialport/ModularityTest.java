package dk.trialport;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a module; only what a module offers (its top-level package and the sub-packages it
 * names as interfaces) may be used by others, and no two modules depend on each other in a cycle.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(
            TrialportApplication.class,
            com.tngtech.archunit.base.DescribedPredicate.describe(
                    "the embedded platform (a development tool, not a module)",
                    type -> type.getPackageName().startsWith("dk.trialport.infra")));

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    /** The module list and diagrams under docs/modules, rewritten on each run so they stay true. */
    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
