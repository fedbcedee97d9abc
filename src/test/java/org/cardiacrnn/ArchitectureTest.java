package org.cardiacrnn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.cardiacrnn", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineDoesNotUseJavaFx = noClasses()
            .that().resideInAnyPackage("org.cardiacrnn.data..", "org.cardiacrnn.preprocessing..",
                    "org.cardiacrnn.sequences..", "org.cardiacrnn.nn..", "org.cardiacrnn.training..",
                    "org.cardiacrnn.evaluation..", "org.cardiacrnn.runs..", "org.cardiacrnn.figures..",
                    "org.cardiacrnn.cli..", "org.cardiacrnn.sweeps..", "org.cardiacrnn.io..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the engine runs headless on servers and in CI; only org.cardiacrnn.app may use JavaFX");

    @ArchTest
    static final ArchRule viewModelsDoNotTouchTheSceneGraph = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .allowEmptyShould(true)
            .because("view-models hold state and commands and are tested without a toolkit");
}
