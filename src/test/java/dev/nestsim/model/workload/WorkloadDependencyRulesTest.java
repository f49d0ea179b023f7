package dev.nestsim.model.workload;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The workload simulation is plain Java: it depends on the JDK, the rest of the model and SSJ only. */
class WorkloadDependencyRulesTest {

    @Test
    void workloadSimulationDependsOnlyOnJavaTheModelAndSsj() {
        JavaClasses workload = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.nestsim.model.workload");
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.nestsim.model..", "umontreal.ssj..")
                .check(workload);
    }
}
