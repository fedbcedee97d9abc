package org.cardiacrnn;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.cardiacrnn", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * A view-model by where it lives and what it is: a {@code *ViewModel} class of the GUI (with its nested
     * types), or the state the pages share ({@code app.session}, e.g. {@code WorkbenchSession}).
     */
    private static final DescribedPredicate<JavaClass> VIEW_MODELS = new DescribedPredicate<>(
            "view-models (app.**.*ViewModel and their nested types, app.session)") {
        @Override
        public boolean test(JavaClass type) {
            if (!type.getPackageName().startsWith("org.cardiacrnn.app")) {
                return false;
            }
            String topLevel = type.getName().substring(type.getPackageName().length() + 1).split("\\$")[0];
            return topLevel.endsWith("ViewModel") || type.getPackageName().startsWith("org.cardiacrnn.app.session");
        }
    };

    @ArchTest
    static final ArchRule engineDoesNotUseJavaFx = noClasses()
            .that().resideInAnyPackage("org.cardiacrnn.data..", "org.cardiacrnn.preprocessing..",
                    "org.cardiacrnn.sequences..", "org.cardiacrnn.nn..", "org.cardiacrnn.training..",
                    "org.cardiacrnn.evaluation..", "org.cardiacrnn.runs..", "org.cardiacrnn.figures..",
                    "org.cardiacrnn.cli..", "org.cardiacrnn.sweeps..", "org.cardiacrnn.io..",
                    "org.cardiacrnn.hyperparameters..", "org.cardiacrnn.startup..", "org.cardiacrnn.interpret..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the engine runs headless on servers and in CI; only org.cardiacrnn.app may use JavaFX");

    @ArchTest
    static final ArchRule viewModelsUseOnlyJavaFxStateTypes = noClasses()
            .that(VIEW_MODELS)
            .should().dependOnClassesThat(resideInAPackage("javafx..")
                    .and(not(resideInAnyPackage("javafx.beans..", "javafx.collections..", "javafx.concurrent.."))))
            .because("view-models hold state and commands and are tested without a toolkit: properties, "
                    + "collections and tasks, never controls, scenes or stages");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.cardiacrnn.(*)..")
            .should().beFreeOfCycles()
            .because("a cycle makes two packages one: neither can be understood, tested or changed alone");

    /**
     * Each layer only uses the layers below it: faces → orchestration → training → network and evaluation →
     * sequences → preprocessing → data and figures → io. Hyperparameters describe the network and its
     * training, so the network layer and everything above may read them. {@code interpret} (attributions of
     * a trained network) sits beside training.
     */
    @ArchTest
    static final ArchRule layersPointDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Faces").definedBy("org.cardiacrnn.cli..", "org.cardiacrnn.app..", "org.cardiacrnn.startup..")
            .layer("Orchestration").definedBy("org.cardiacrnn.sweeps..", "org.cardiacrnn.runs..")
            .layer("Training").definedBy("org.cardiacrnn.training..", "org.cardiacrnn.interpret..")
            .layer("Network and evaluation").definedBy("org.cardiacrnn.nn..", "org.cardiacrnn.evaluation..")
            .layer("Hyperparameters").definedBy("org.cardiacrnn.hyperparameters..")
            .layer("Sequences").definedBy("org.cardiacrnn.sequences..")
            .layer("Preprocessing").definedBy("org.cardiacrnn.preprocessing..")
            .layer("Data and figures").definedBy("org.cardiacrnn.data..", "org.cardiacrnn.figures..")
            .layer("Io").definedBy("org.cardiacrnn.io..")
            .whereLayer("Faces").mayNotBeAccessedByAnyLayer()
            .whereLayer("Orchestration").mayOnlyBeAccessedByLayers("Faces")
            .whereLayer("Training").mayOnlyBeAccessedByLayers("Faces", "Orchestration")
            .whereLayer("Network and evaluation").mayOnlyBeAccessedByLayers("Faces", "Orchestration", "Training")
            .whereLayer("Hyperparameters")
            .mayOnlyBeAccessedByLayers("Faces", "Orchestration", "Training", "Network and evaluation")
            .whereLayer("Sequences")
            .mayOnlyBeAccessedByLayers("Faces", "Orchestration", "Training", "Network and evaluation")
            .whereLayer("Preprocessing")
            .mayOnlyBeAccessedByLayers("Faces", "Orchestration", "Training", "Network and evaluation", "Sequences")
            .whereLayer("Data and figures").mayOnlyBeAccessedByLayers("Faces", "Orchestration", "Training",
                    "Network and evaluation", "Sequences", "Preprocessing")
            .because("dependencies that only point down keep each layer usable and testable without those above");

    @ArchTest
    static final ArchRule onlyTheNetworkPackageUsesTheFastKernel = noClasses()
            .that().resideOutsideOfPackage("org.cardiacrnn.nn..")
            .should().dependOnClassesThat().resideInAPackage("org.cardiacrnn.nn.fast..")
            .because("the fast kernel is an implementation detail of the network: NetworkFactory builds it, "
                    + "installs its updater and sets its learning rate, NativeThreads sets its threads");

    @ArchTest
    static final ArchRule onlyTheCommandLinePrintsToTheConsole = noClasses()
            .that().resideOutsideOfPackage("org.cardiacrnn.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("the GUI shows messages and the engine logs through SLF4J; a console is not always there");

    @ArchTest
    static final ArchRule loggingGoesThroughSlf4j = noClasses()
            .that().resideOutsideOfPackage("org.cardiacrnn.startup..")
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "ch.qos.logback..",
                    "org.apache.log4j..", "org.apache.logging.log4j..", "org.apache.commons.logging..")
            .because("one logging API everywhere; only start-up knows the backend (Logback) that writes the file");
}
