package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.TradingState;
import dev.flotilla.ui.screen.risk.KillSwitchDialog;
import dev.flotilla.ui.screen.dialog.Forms;
import dev.flotilla.ui.shell.MainWindow;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kill switch dialog on a running engine: it halts the fleet, nothing is sent while it is on, the release resumes. */
class KillSwitchTest {

    @TempDir
    Path dir;

    OpenConsole open;
    LiveEngine live;
    MainWindow w;

    @BeforeEach
    void open() throws Exception {
        open = OpenConsole.open(dir, 3600, 1600, 1000);
        live = open.live;
        w = open.window;
    }

    @AfterEach
    void close() throws Exception {
        open.close();
    }

    private long orders() {
        return live.store.count("orders");
    }

    private long engineTime() {
        return live.engine.clock().now();
    }

    private void awaitOpenPositions() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (live.engine.snapshot().openPositions() < 2 && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(live.engine.snapshot().openPositions()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theDialogHaltsTheFleetAndTheReleaseResumesIt() throws Exception {
        awaitOpenPositions();
        // the dashboard's kill switch tile opens the dialog
        Fx.run(() -> w.figures().killButton().fire());
        DialogPane halt = Fx.on(KillSwitchTest::openDialog);
        Label confirmation = Fx.on(() -> (Label) halt.lookup(".kill-confirmation"));
        int open = Fx.on(() -> Integer.parseInt(confirmation.getText().replaceAll("(?s).*; ([0-9]+) open position.*", "$1")));
        assertThat(open).isPositive();
        assertThat(Fx.on(confirmation::getText))
                .startsWith("Halt: no automated order will be sent, not even a stop-loss; " + open + " open position");
        Fx.run(() -> radio(halt, "Halt and flatten").fire());
        assertThat(Fx.on(confirmation::getText)).startsWith("Halt and flatten: ")
                .contains("closed at market, then the fleet is HALTED");
        assertThat(Fx.on(() -> ok(halt).getText())).isEqualTo("Halt and flatten");
        Fx.on(() -> Screenshots.save(halt.getScene(), "dialog-kill-switch-flatten"));
        Fx.run(() -> radio(halt, "Halt").fire());
        assertThat(Fx.on(() -> ok(halt).getText())).isEqualTo("Halt the fleet");
        Fx.on(() -> Screenshots.save(halt.getScene(), "dialog-kill-switch"));
        Fx.run(() -> ok(halt).fire());

        Fx.await("the dashboard shows HALTED", () -> w.dashboard().state().get().equals("HALTED")
                && w.fleet().rows().stream().allMatch(r -> r.tradingState().get() == TradingState.HALTED)
                && w.dashboard().killSwitchOn().get());
        assertThat(Fx.on(() -> w.figures().killButton().getText())).isEqualTo("Release…");
        assertThat(live.engine.risk().status().killSwitch()).isTrue();
        // no further order is stored while the engine runs on for a simulated day
        long stored = orders();
        int held = live.engine.snapshot().openPositions();
        assertThat(held).isPositive();
        long from = engineTime();
        while (engineTime() < from + Duration.ofDays(1).toMillis()) Thread.sleep(20);
        assertThat(orders()).isEqualTo(stored);
        assertThat(live.engine.snapshot().openPositions()).as("a plain halt leaves the positions open").isEqualTo(held);
        Fx.await("the status bar's badge says HALTED", () -> w.statusModeForTests().endsWith("HALTED"));
        Fx.settle(w);
        Fx.on(() -> Screenshots.save(w.scene(), "dashboard-halted"));

        // the same tile now releases the switch
        Fx.run(() -> w.figures().killButton().fire());
        DialogPane release = Fx.on(KillSwitchTest::openDialog);
        assertThat(Fx.on(() -> ((Label) release.lookup(".kill-confirmation")).getText()))
                .startsWith("Release the kill switch: the fleet returns to ACTIVE");
        Fx.on(() -> Screenshots.save(release.getScene(), "dialog-kill-switch-release"));
        Fx.run(() -> ok(release).fire());
        Fx.await("the dashboard shows ACTIVE", () -> w.dashboard().state().get().equals("ACTIVE")
                && !w.dashboard().killSwitchOn().get()
                && w.fleet().rows().stream().noneMatch(r -> r.tradingState().get() == TradingState.HALTED));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (orders() == stored && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(orders()).as("orders are sent again").isGreaterThan(stored);
    }

    /** The kill switch dialog showing over the main window. */
    private static DialogPane openDialog() {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(s -> s != null && s.getRoot() instanceof DialogPane && s.getRoot().lookup(".kill-confirmation") != null)
                .map(s -> (DialogPane) s.getRoot()).findFirst().orElseThrow();
    }

    private static RadioButton radio(DialogPane p, String text) {
        return p.lookupAll(".radio-button").stream().map(n -> (RadioButton) n).filter(r -> r.getText().equals(text))
                .findFirst().orElseThrow();
    }

    private static Button ok(DialogPane p) {
        return (Button) p.lookupButton(ButtonType.OK);
    }

    @Test
    void haltAndFlattenClosesEveryPositionThenStaysHalted() throws Exception {
        awaitOpenPositions();
        KillSwitchDialog halt = Fx.on(() -> w.actions().risk().killSwitch());
        Fx.run(() -> halt.flattenButton().fire());
        Fx.run(() -> Forms.ok(halt.dialog()).fire());
        Fx.await("flat and HALTED", () -> w.dashboard().state().get().equals("HALTED") && live.engine.snapshot().openPositions() == 0);
        long stored = orders();
        long from = engineTime();
        while (engineTime() < from + Duration.ofHours(12).toMillis()) Thread.sleep(20);
        assertThat(orders()).isEqualTo(stored);
        assertThat(live.engine.snapshot().openPositions()).isZero();
    }

    @Test
    void aLiveFleetIsReleasedOnlyOnceLiveIsTyped() throws Exception {
        var s = live.engine.snapshot();
        var liveSnapshot = new dev.flotilla.engine.api.FleetSnapshot(s.engineTime(), "LIVE on Binance", "HALTED", s.bots(),
                s.equity(), s.capital(), s.running(), s.openPositions());
        live.engine.risk().killSwitchOn(false);
        KillSwitchDialog k = Fx.on(() -> KillSwitchDialog.release(liveSnapshot, live.engine.risk(), null));
        Fx.run(() -> k.dialog().show());
        Button ok = Fx.on(() -> Forms.ok(k.dialog()));
        assertThat(Fx.on(ok::isDisabled)).as("nothing typed").isTrue();
        Fx.run(() -> k.liveWord().setText("live"));
        assertThat(Fx.on(ok::isDisabled)).as("the word in lower case").isTrue();
        Fx.run(() -> k.liveWord().setText("LIVE"));
        assertThat(Fx.on(ok::isDisabled)).isFalse();
        Fx.on(() -> Screenshots.save(k.dialog().getDialogPane().getScene(), "dialog-kill-switch-release-live"));
        Fx.run(ok::fire);
        Fx.await("the fleet is released", () -> !live.engine.snapshot().state().equals("HALTED"));
    }
}
