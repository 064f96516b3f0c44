package dev.flotilla.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.flotilla.engine.event.EventBus;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of ARCHITECTURE.md, checked on the compiled main code of all three modules. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // in a full build the engine's tests come as its packaged test jar, which DO_NOT_INCLUDE_TESTS does not know
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
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
    void theDatabaseDriversAndMigrationsStayInsideTheStore() {
        noClasses().that().resideOutsideOfPackage("dev.flotilla.engine.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..", "org.postgresql..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void theConsoleNeverTouchesTheDatabaseOrTheExchange() {
        noClasses().that().resideInAPackage("dev.flotilla.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "org.sqlite..",
                        "org.postgresql..", "org.flywaydb..", "org.knowm.xchange..", "dev.flotilla.engine.store..",
                        "dev.flotilla.engine.kernel..")
                .check(classes);
    }

    @Test
    void theConsoleSeesOfTheEngineOnlyItsApiModelAndEvents() {
        classes().that().resideInAPackage("dev.flotilla.ui..")
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("dev.flotilla.ui..",
                        "dev.flotilla.engine.api..", "dev.flotilla.engine.model..", "dev.flotilla.engine.event..", "java..",
                        "javax..", "javafx..", "atlantafx..", "io.fair_acc..", "org.slf4j..")
                        .or(JavaClass.Predicates.equivalentTo(dev.flotilla.strategy.Signal.class)))
                .check(classes);
    }

    @Test
    void theApiIsMadeOfItsOwnTypesTheModelAndEvents() {
        classes().that().resideInAPackage("dev.flotilla.engine.api..")
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("dev.flotilla.engine.api..",
                        "dev.flotilla.engine.model..", "dev.flotilla.engine.event..", "java..")
                        .or(JavaClass.Predicates.equivalentTo(dev.flotilla.strategy.Signal.class)))
                .check(classes);
    }

    @Test
    void theStrategyApiKnowsOnlyTa4jAndTheJdk() {
        classes().that().resideInAPackage("dev.flotilla.strategy..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.flotilla.strategy..", "org.ta4j..", "java..")
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
        noClasses().that().resideOutsideOfPackages("dev.flotilla.engine.market.binance..")
                .should().dependOnClassesThat().resideInAPackage("org.knowm.xchange..")
                .check(classes);
    }

    @Test
    void theEnginesPackagesDependOnEachOtherWithoutCycles() {
        // the generated jOOQ code refers back and forth between its own packages, which is jOOQ's shape, not ours
        slices().matching("dev.flotilla.engine.(**)").should().beFreeOfCycles()
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("dev.flotilla.engine.store.jooq.."),
                        DescribedPredicate.alwaysTrue())
                .check(classes);
    }

    @Test
    void marketsKnowTheClockButNotTheEngineLoop() {
        noClasses().that().resideInAPackage("dev.flotilla.engine.market..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.flotilla.engine.kernel..",
                        "dev.flotilla.engine.loop..", "dev.flotilla.engine.boot..", "dev.flotilla.engine.command..",
                        "dev.flotilla.engine.query..")
                .check(classes);
    }

    @Test
    void riskAndExecutionSeePlainDataNotTheLiveBots() {
        noClasses().that().resideInAnyPackage("dev.flotilla.engine.risk..", "dev.flotilla.engine.execution..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.flotilla.engine.fleet..")
                .check(classes);
    }

    /** A backtest is the one exception: it always fills on paper, so no run over history can reach an exchange. */
    @Test
    void onlyTheAppKnowsWhichBrokerItIs() {
        noClasses().that().resideInAPackage("dev.flotilla.engine..")
                .and().resideOutsideOfPackage("dev.flotilla.engine.execution.paper..")
                .and().resideOutsideOfPackage("dev.flotilla.engine.backtest..")
                .should().dependOnClassesThat().resideInAPackage("dev.flotilla.engine.execution.paper..")
                .check(classes);
    }

    /** The Telegram bot is an optional outside service: it drives the engine through its api, as the console does. */
    @Test
    void theTelegramBotUsesTheEngineOnlyThroughItsApi() {
        noClasses().that().resideInAPackage("dev.flotilla.engine.telegram..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.flotilla.engine.kernel..", "dev.flotilla.engine.loop..",
                        "dev.flotilla.engine.command..", "dev.flotilla.engine.risk..", "dev.flotilla.engine.execution..",
                        "dev.flotilla.engine.fleet..", "dev.flotilla.engine.market..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("dev.flotilla.engine.telegram..", "dev.flotilla.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.flotilla.engine.telegram..")
                .check(classes);
    }

    /** A rule that names a package that is gone (moved or renamed) checks nothing: every name above must exist. */
    @Test
    void everyPackageTheRulesNameExists() throws Exception {
        String source = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/java/dev/flotilla/app/ArchitectureTest.java"));
        var named = Pattern.compile("\"(dev\\.flotilla\\.[a-z.]+?)(\\.\\.|\\.\\(\\*\\*\\))?\"").matcher(source);
        List<String> missing = new java.util.ArrayList<>();
        int count = 0;
        while (named.find()) {
            String pkg = named.group(1);
            count++;
            if (classes.stream().noneMatch(c -> c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + "."))) {
                missing.add(pkg);
            }
        }
        assertThat(count).as("packages named by the rules").isGreaterThan(10);
        assertThat(missing).as("packages the rules name that hold no class").isEmpty();
    }
}
