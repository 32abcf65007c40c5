package com.daeworkbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point downward: the core knows nothing of JavaFX, the UI or the CLI; the CLI knows nothing of the UI. */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.daeworkbench");

    @Test
    void theCoreNeverImportsJavaFxTheUiOrTheCli() {
        noClasses().that().resideInAPackage("com.daeworkbench.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.daeworkbench.ui..", "com.daeworkbench.cli..",
                        "org.controlsfx..")
                .check(CLASSES);
    }

    @Test
    void theCliNeverImportsTheUiOrJavaFx() {
        noClasses().that().resideInAPackage("com.daeworkbench.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.daeworkbench.ui..")
                .check(CLASSES);
    }

    @Test
    void theCorePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("com.daeworkbench.core.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theUiNeverImportsTheCli() {
        // the launcher parses the command line and hands the window a plain WindowOptions
        noClasses().that().resideInAPackage("com.daeworkbench.ui..")
                .should().dependOnClassesThat().resideInAPackage("com.daeworkbench.cli..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCliWritesToStandardOutputAndError() {
        // the window logs through SLF4J; a library's println must not reach a user's terminal from our code
        noClasses().that().resideOutsideOfPackage("com.daeworkbench.cli..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
    }

    @Test
    void viewsTalkToTheirViewModelsNotToTheCoresServices() {
        // views bind to view-model properties and draw core records; training, files and the engine stay behind the view-models
        noClasses().that().resideInAPackage("com.daeworkbench.ui..").and().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.daeworkbench.core.model.DenoisingModel")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.daeworkbench.core.model.Models")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.daeworkbench.core.io.ModelStore")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.daeworkbench.core.runs.RunStore")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.daeworkbench.core.data.DatasetSource")
                .orShould().dependOnClassesThat().resideInAPackage("com.daeworkbench.core.session..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.daeworkbench.core.train.Trainer")
                .check(CLASSES);
    }
}
