package dev.nestsim.model.workload;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The workload simulation is plain Java (the JDK, the rest of the model and SSJ only), and its sub-packages are
 * layers along the simulation's own parts: the machine at the bottom, the network path and the results on it, the
 * applications on all three, and the catalogue and runners of this package on top.
 */
class WorkloadDependencyRulesTest {

    private static final JavaClasses WORKLOAD = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.nestsim.model.workload");

    @Test
    void workloadSimulationDependsOnlyOnJavaTheModelAndSsj() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.nestsim.model..", "umontreal.ssj..")
                .check(WORKLOAD);
    }

    @Test
    void subPackagesAreLayersAlongTheSimulationsParts() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("catalogue").definedBy("dev.nestsim.model.workload")
                .layer("apps").definedBy("dev.nestsim.model.workload.apps..")
                .layer("net").definedBy("dev.nestsim.model.workload.net..")
                .layer("results").definedBy("dev.nestsim.model.workload.results..")
                .layer("machine").definedBy("dev.nestsim.model.workload.machine..")
                .whereLayer("catalogue").mayNotBeAccessedByAnyLayer()
                .whereLayer("apps").mayOnlyBeAccessedByLayers("catalogue")
                .whereLayer("net").mayOnlyBeAccessedByLayers("apps", "catalogue")
                .whereLayer("results").mayOnlyBeAccessedByLayers("apps", "catalogue")
                .whereLayer("machine").mayOnlyBeAccessedByLayers("net", "results", "apps", "catalogue")
                .check(WORKLOAD);
    }

    @Test
    void theNetworkPathAndTheResultsDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("dev.nestsim.model.workload.net..")
                .should().dependOnClassesThat().resideInAPackage("dev.nestsim.model.workload.results..").check(WORKLOAD);
        noClasses().that().resideInAPackage("dev.nestsim.model.workload.results..")
                .should().dependOnClassesThat().resideInAPackage("dev.nestsim.model.workload.net..").check(WORKLOAD);
    }
}
