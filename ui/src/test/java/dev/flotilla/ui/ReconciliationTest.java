package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.ui.screen.risk.ReconciliationDialog;
import dev.flotilla.ui.shell.Console;
import dev.flotilla.ui.shell.MainWindow;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import dev.flotilla.engine.model.TradingState;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored account edited between two runs: the console opens on a HALTED fleet, lists the differences exactly, and
 * lets the operator keep it halted or accept the broker's view.
 */
class ReconciliationTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void startFx() throws Exception {
        Fx.start();
    }

    @Test
    void theDifferencesAreShownAndTheOperatorKeepsTheFleetHaltedOrAcceptsTheBrokersView() throws Exception {
        new LiveEngine(dir, EngineConfig.MAX_SPEED).runFor(Duration.ofHours(12)).close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("flotilla.db")); var st = c.createStatement()) {
            st.executeUpdate("UPDATE accounts SET cash = '12345.67' WHERE bot_id = 'ema-btc-15m'");
        }
        try (LiveEngine live = new LiveEngine(dir, 3600)) {
            List<String> differences = live.engine.reconciliationDifferences();
            assertThat(differences).isNotEmpty().allMatch(d -> d.startsWith("ema-btc-15m: USDT balance is 12345.67 in the ledger"));
            live.start();
            Console console = Fx.on(() -> {
                Console c = new Console(live.engine, dir.resolve("console.properties"), false, () -> { });
                c.window().stage().setWidth(1600);
                c.window().stage().setHeight(1000);
                c.show();
                return c;
            });
            MainWindow w = console.window();
            Fx.await("the fleet is listed", () -> w.fleet().rows().size() == 45);

            // the dialog opens by itself and lists every difference exactly as the engine found it
            Fx.await("the reconciliation dialog", () -> dialog() != null);
            DialogPane d = Fx.on(ReconciliationTest::dialog);
            assertThat(Fx.on(() -> d.lookupAll(".difference").stream().map(n -> ((Label) n).getText()).toList()))
                    .containsExactlyElementsOf(differences.stream().map(t -> "• " + t).toList());
            Fx.on(() -> Screenshots.save(d.getScene(), "dialog-reconciliation"));
            Fx.await("the banner and the HALTED state", () -> w.banner().isVisible() && w.dashboard().state().get().equals("HALTED")
                    && w.fleet().rows().stream().allMatch(r -> r.tradingState().get() == TradingState.HALTED));
            assertThat(Fx.on(() -> w.banner().text())).contains(differences.getFirst());

            // keep it halted: the dialog closes, the banner stays, nothing is sent while the engine runs on
            Fx.run(() -> ((Button) d.lookupButton(ReconciliationDialog.KEEP_HALTED)).fire());
            Fx.await("the dialog closes", () -> dialog() == null);
            long orders = live.store.count("orders");
            long from = live.engine.clock().now();
            while (live.engine.clock().now() < from + Duration.ofHours(12).toMillis()) Thread.sleep(20);
            assertThat(live.store.count("orders")).isEqualTo(orders);
            assertThat(live.engine.haltReason()).isNotNull();
            Fx.settle(w);
            Fx.on(() -> Screenshots.save(w.scene(), "dashboard-reconciliation"));

            // the banner's button asks again; accepting the broker's view lets the fleet trade
            ReconciliationDialog again = Fx.on(() -> w.actions().risk().reconciliation());
            Fx.run(() -> again.acceptButton().fire());
            Fx.await("the banner goes and the fleet is ACTIVE", () -> !w.banner().isVisible()
                    && w.dashboard().state().get().equals("ACTIVE"));
            assertThat(live.engine.reconciliationDifferences()).isEmpty();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (live.store.count("orders") == orders && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(live.store.count("orders")).as("orders are sent again").isGreaterThan(orders);
            Fx.run(console::quit);
        }
    }

    private static DialogPane dialog() {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(s -> s != null && s.getRoot() instanceof DialogPane p && p.getHeaderText() != null
                        && p.getHeaderText().startsWith("The books and the broker disagree"))
                .map(s -> (DialogPane) s.getRoot()).findFirst().orElse(null);
    }
}
