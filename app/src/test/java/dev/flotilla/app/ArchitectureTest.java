package dev.flotilla.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
    void xchangeTypesStayInTheExchangeAdapters() {
        noClasses().that().resideOutsideOfPackages("dev.flotilla.engine.market.binance..", "dev.flotilla.engine.execution.live..")
                .should().dependOnClassesThat().resideInAPackage("org.knowm.xchange..")
                .check(classes);
    }
}
