package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.api.PositionView;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.Position;
import dev.flotilla.ui.shell.MainWindow;
import dev.flotilla.ui.shell.PositionsMenu;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing positions by hand from the console on a running engine: the confirmation names each position, its quantity,
 * the market and that it is a market order; confirming closes exactly those, with the reason MANUAL. The fleet is halted
 * first, so no exit of the bots' own closes them meanwhile (and a halted fleet still takes the operator's close).
 */
class ManualCloseConsoleTest {

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
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (bySymbol().values().stream().noneMatch(l -> l.size() >= 2) && System.nanoTime() < deadline) Thread.sleep(20);
        live.engine.risk().killSwitchOn(false);
        Fx.await("the fleet is halted", () -> w.dashboard().state().get().equals("HALTED"));
    }

    @AfterEach
    void close() throws Exception {
        open.close();
    }

    private Map<String, List<Position>> bySymbol() {
        return live.store.openPositions().values().stream().collect(Collectors.groupingBy(p -> p.symbol().toString()));
    }

    @Test
    void theConfirmationNamesThePositionAndConfirmingClosesIt() throws Exception {
        BotView bot = live.engine.snapshot().bots().stream().filter(b -> b.positionQty().signum() > 0).findFirst().orElseThrow();
        Position p = live.store.openPositions().get(bot.id());
        Fx.run(() -> w.table().select(bot.id()));
        MenuItem close = Fx.on(() -> w.table().closeItems().getFirst());
        assertThat(Fx.on(close::getText)).isEqualTo("Close position…");
        Fx.run(close::fire);
        DialogPane d = awaitDialog();

        String qty = p.qty().stripTrailingZeros().toPlainString();
        assertThat(Fx.on(() -> ((Label) d.lookup(".close-summary")).getText()))
                .isEqualTo("Close 1 position at market on " + live.engine.snapshot().mode() + ": the position of bot " + bot.id());
        assertThat(Fx.on(() -> labels(d, ".close-line"))).singleElement().asString()
                .startsWith("• Sell " + qty + " " + p.symbol() + " of bot " + bot.id() + " (entry ");
        assertThat(Fx.on(() -> labels(d, ".label"))).anyMatch(t -> t.contains("market order"))
                .anyMatch(t -> t.startsWith("The kill switch is on"));
        assertThat(Fx.on(() -> ok(d).getText())).isEqualTo("Close 1 position");
        Fx.on(() -> Screenshots.save(d.getScene(), "dialog-manual-close"));

        Fx.run(() -> ok(d).fire());
        Fx.await("the position is closed", () -> !live.store.openPositions().containsKey(bot.id()) && (d.getScene() == null || !d.getScene().getWindow().isShowing()));
        ClosedTrade trade = live.store.closedTrades().stream().filter(t -> t.botId().equals(bot.id()) && t.openedAt() == p.openedAt())
                .findFirst().orElseThrow();
        assertThat(trade.exitReason()).isEqualTo("MANUAL");
        assertThat(trade.qty()).isEqualByComparingTo(p.qty());
        assertThat(w.actions().positions().lastResult().closed()).singleElement().asString().startsWith(bot.id() + ": sold " + qty);
        assertThat(live.engine.snapshot().state()).isEqualTo("HALTED");
        Fx.await("the positions table shows it closed, MANUAL", () -> w.historyModel().positions().stream()
                .anyMatch(v -> v.botId().equals(bot.id()) && !v.open() && "MANUAL".equals(v.exitReason())));
    }

    @Test
    void thePositionsTableClosesEveryPositionInASymbol() throws Exception {
        Map.Entry<String, List<Position>> most = bySymbol().entrySet().stream()
                .max(java.util.Comparator.comparingInt(e -> e.getValue().size())).orElseThrow();
        String symbol = most.getKey();
        int others = live.store.openPositions().size() - most.getValue().size();
        TableView<PositionView> table = Fx.on(() -> PositionsMenu.table(w.history()));
        Fx.await("the positions table lists an open position in " + symbol, () -> table.getItems().stream()
                .anyMatch(v -> v.open() && v.symbol().equals(symbol)));
        Fx.run(() -> table.getItems().stream().filter(v -> v.open() && v.symbol().equals(symbol)).findFirst()
                .ifPresent(v -> table.getSelectionModel().select(v)));
        MenuItem all = Fx.on(() -> table.getContextMenu().getItems().stream()
                .filter(i -> i.getText() != null && i.getText().startsWith("Close all positions in")).findFirst().orElseThrow());
        Fx.run(all::fire);
        DialogPane d = awaitDialog();
        List<String> lines = Fx.on(() -> labels(d, ".close-line"));
        assertThat(lines).hasSize(most.getValue().size()).allMatch(l -> l.contains(" " + symbol + " of bot "));
        for (Position p : most.getValue()) assertThat(lines).anyMatch(l -> l.contains(" of bot " + p.botId() + " "));
        assertThat(Fx.on(() -> ((Label) d.lookup(".close-summary")).getText()))
                .startsWith("Close " + most.getValue().size() + " positions at market on ").endsWith(": every position in " + symbol);
        Fx.on(() -> Screenshots.save(d.getScene(), "dialog-manual-close-symbol"));

        Fx.run(() -> ok(d).fire());
        Fx.await("every position in " + symbol + " is closed", () -> bySymbol().get(symbol) == null);
        assertThat(live.store.openPositions()).hasSize(others);
        assertThat(live.store.closedTrades()).filteredOn(t -> t.exitReason().equals("MANUAL")).hasSize(most.getValue().size());
    }

    private static DialogPane dialog() {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(s -> s != null && s.getRoot() instanceof DialogPane && s.getRoot().lookup(".close-summary") != null)
                .map(s -> (DialogPane) s.getRoot()).findFirst().orElseThrow();
    }

    private static javafx.scene.control.Button ok(DialogPane pane) {
        return (javafx.scene.control.Button) pane.lookupButton(javafx.scene.control.ButtonType.OK);
    }

    /** The confirmation, once the engine has made its plan and the console shows it. */
    private static DialogPane awaitDialog() throws Exception {
        Fx.await("the confirmation shows", () -> Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .anyMatch(s -> s != null && s.getRoot() instanceof DialogPane && s.getRoot().lookup(".close-summary") != null));
        return Fx.on(ManualCloseConsoleTest::dialog);
    }

    private static List<String> labels(DialogPane d, String selector) {
        return d.lookupAll(selector).stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
    }
}
