package dev.nestsim.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.repository.Repository;

/** Dependencies point inward: web -> services -> model, and the model depends on nothing but Java and SSJ. */
@AnalyzeClasses(packages = "dev.nestsim", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theModelUsesOnlyJavaItselfAndSsj = classes().that().resideInAPackage("dev.nestsim.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.nestsim.model..", "umontreal.ssj..")
            .because("the model core is plain Java");

    @ArchTest
    static final ArchRule controllersNeverTouchRepositories = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().areAssignableTo(Repository.class)
            .because("controllers are thin: they call services");

    @ArchTest
    static final ArchRule theModelKnowsNothingOfTheService = noClasses().that().resideInAPackage("dev.nestsim.model..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.nestsim.provisioning..", "dev.nestsim.api..");

    @ArchTest
    static final ArchRule provisioningKnowsNothingOfRuns = noClasses().that().resideInAPackage("dev.nestsim.provisioning..")
            .should().dependOnClassesThat().resideInAPackage("dev.nestsim.runs..")
            .because("runs keep provisioning from deleting what they use through provisioning's DeletionGuard, not the other way round");

    @ArchTest
    static final ArchRule theCrossCuttingApiKnowsNoFeature = noClasses().that().resideInAPackage("dev.nestsim.api..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.nestsim.provisioning..", "dev.nestsim.model..");

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("dev.nestsim.(*)..").should().beFreeOfCycles();
}
