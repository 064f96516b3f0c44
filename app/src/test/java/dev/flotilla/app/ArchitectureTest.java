package dev.flotilla.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.flotilla.engine.event.EventBus;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of ARCHITECTURE.md, checked on the compiled main code of all three modules. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.flotilla");
    }

    @Test
    void theEngineHasNoJavaFx() {
        noClasses().that().resideInAPackage("dev.flotilla.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "io.fair_acc..")
                .check(classes);
    }

    @Test
    void theEngineKnowsNothingOfTheConsoleOrTheApp() {
        noClasses().that().resideInAPackage("dev.flotilla.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.flotilla.ui..", "dev.flotilla.app..")
                .check(classes);
    }

    @Test
    void generatedJooqTypesStayInsideTheStore() {
        noClasses().that().resideOutsideOfPackage("dev.flotilla.engine.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.flotilla.engine.store.jooq..", "org.jooq..")
                .check(classes);
    }

    @Test
    void theConsoleNeverTouchesTheDatabaseOrTheExchange() {
        noClasses().that().resideInAPackage("dev.flotilla.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "org.sqlite..",
                        "org.flywaydb..", "org.knowm.xchange..", "dev.flotilla.engine.store..",
                        "dev.flotilla.engine.kernel..")
                .check(classes);
    }

    @Test
    void theConsoleSeesOfTheEngineOnlyItsApiModelAndEvents() {
        classes().that().resideInAPackage("dev.flotilla.ui..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.flotilla.ui..", "dev.flotilla.engine.api..",
                        "dev.flotilla.engine.model..", "dev.flotilla.engine.event..", "java..", "javax..", "javafx..",
                        "atlantafx..", "io.fair_acc..", "org.slf4j..")
                .check(classes);
    }

    @Test
    void theApiIsMadeOfItsOwnTypesTheModelAndEvents() {
        classes().that().resideInAPackage("dev.flotilla.engine.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.flotilla.engine.api..",
                        "dev.flotilla.engine.model..", "dev.flotilla.engine.event..", "java..")
                .check(classes);
    }

    @Test
    void onlyTheConsolesEventBridgeSubscribesToTheBus() {
        noClasses().that().resideInAPackage("dev.flotilla.ui..").and().resideOutsideOfPackage("dev.flotilla.ui.fx..")
                .should().callMethod(EventBus.class, "subscribe", String.class, Consumer.class)
                .orShould().callMethod(EventBus.class, "subscribe", String.class, int.class, Consumer.class)
                .check(classes);
    }

    @Test
    void screensKnowNothingOfTheMainWindow() {
        noClasses().that().resideInAPackage("dev.flotilla.ui.screen..")
                .should().dependOnClassesThat().resideInAPackage("dev.flotilla.ui.shell..")
                .check(classes);
    }

    @Test
    void xchangeTypesStayInTheExchangeAdapters() {
        noClasses().that().resideOutsideOfPackages("dev.flotilla.engine.market.binance..", "dev.flotilla.engine.execution.live..")
                .should().dependOnClassesThat().resideInAPackage("org.knowm.xchange..")
                .check(classes);
    }
}
