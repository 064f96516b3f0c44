package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.ui.screen.fleet.BotRow;
import dev.flotilla.ui.screen.startstop.StartStopDialog;
import dev.flotilla.ui.screen.startstop.StartStopModel;
import dev.flotilla.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping bots through the dialog and the fleet table's context menu, on a running engine. */
class StartStopTest {

    @TempDir
    Path dir;

    OpenConsole open;
    LiveEngine live;
    MainWindow w;

    @BeforeEach
    void open() throws Exception {
        open = OpenConsole.open(dir, 600);
        live = open.live;
        w = open.window;
    }

    @AfterEach
    void close() throws Exception {
        open.close();
    }

    private void select(String... ids) throws Exception {
        Fx.run(() -> {
            var sm = w.table().table().getSelectionModel();
            sm.clearSelection();
            for (String id : ids) {
                for (int i = 0; i < w.table().table().getItems().size(); i++) {
                    if (w.table().table().getItems().get(i).id().equals(id)) sm.select(i);
                }
            }
        });
    }

    private BotStatus shown(String id) throws Exception {
        return Fx.on(() -> w.fleet().row(id).status().get());
    }

    private BotStatus stored(String id) {
        return live.store.botStates().get(id).status();
    }

    @Test
    void theDialogStopsTheSelectedBotsAndStartsThemAgain() throws Exception {
        List<String> ids = List.of("ema-btc-15m", "rsi-eth-15m");
        select(ids.toArray(String[]::new));
        StartStopDialog stop = Fx.on(() -> w.actions().startStop(StartStopModel.Action.STOP));
        Button ok = Fx.on(() -> (Button) stop.dialog().getDialogPane().lookupButton(ButtonType.OK));
        assertThat(Fx.on(ok::getText)).isEqualTo("Stop 2 bots");
        assertThat(Fx.on(ok::isDisabled)).isFalse();
        Fx.on(() -> Screenshots.save(stop.dialog(), "dialog-start-stop"));
        Fx.run(ok::fire);
        Fx.await("the rows show STOPPED", () -> ids.stream().allMatch(id -> w.fleet().row(id).status().get() == BotStatus.STOPPED));
        assertThat(ids).allMatch(id -> stored(id) == BotStatus.STOPPED);
        assertThat(shown("boll-btc-1h")).isEqualTo(BotStatus.RUNNING);

        // starting bots that are already running changes nothing, and the dialog says so instead of OK
        select("boll-btc-1h");
        StartStopDialog idle = Fx.on(() -> w.actions().startStop(StartStopModel.Action.START));
        Button idleOk = Fx.on(() -> (Button) idle.dialog().getDialogPane().lookupButton(ButtonType.OK));
        assertThat(Fx.on(idleOk::isDisabled)).isTrue();
        Fx.run(() -> idle.dialog().close());

        select(ids.toArray(String[]::new));
        StartStopDialog start = Fx.on(() -> w.actions().startStop(StartStopModel.Action.START));
        Fx.run(() -> ((Button) start.dialog().getDialogPane().lookupButton(ButtonType.OK)).fire());
        Fx.await("the rows show RUNNING", () -> ids.stream().allMatch(id -> w.fleet().row(id).status().get() == BotStatus.RUNNING));
        assertThat(ids).allMatch(id -> stored(id) == BotStatus.RUNNING);
    }

    @Test
    void theDialogStopsAndStartsTheWholeFleet() throws Exception {
        select();
        StartStopDialog stop = Fx.on(() -> w.actions().startStop(StartStopModel.Action.STOP));
        assertThat(Fx.on(() -> stop.allButton().isSelected())).isTrue();
        Fx.run(() -> ((Button) stop.dialog().getDialogPane().lookupButton(ButtonType.OK)).fire());
        Fx.await("every row shows STOPPED", () -> w.fleet().rows().stream().allMatch(r -> r.status().get() == BotStatus.STOPPED));
        assertThat(live.store.botStates().values()).allMatch(s -> s.status() == BotStatus.STOPPED);
        StartStopDialog start = Fx.on(() -> w.actions().startStop(StartStopModel.Action.START));
        Fx.run(() -> ((Button) start.dialog().getDialogPane().lookupButton(ButtonType.OK)).fire());
        Fx.await("every row shows RUNNING", () -> w.fleet().rows().stream().allMatch(r -> r.status().get() == BotStatus.RUNNING));
        assertThat(live.store.botStates().values()).allMatch(s -> s.status() == BotStatus.RUNNING);
    }

    @Test
    void theContextMenuStopsAndStartsABot() throws Exception {
        select("macd-eth-1h");
        var items = Fx.on(() -> w.table().menuItems());
        assertThat(Fx.on(() -> items.stream().map(javafx.scene.control.MenuItem::getText).toList()))
                .containsExactly("Start", "Stop", "Edit…", "Show chart", "Remove…", "Risk limits…", "Reset breaker", "Parameter history…");
        Fx.run(() -> items.get(1).fire());
        Fx.await("the row shows STOPPED", () -> w.fleet().row("macd-eth-1h").status().get() == BotStatus.STOPPED);
        assertThat(stored("macd-eth-1h")).isEqualTo(BotStatus.STOPPED);
        Fx.run(() -> items.get(0).fire());
        Fx.await("the row shows RUNNING", () -> w.fleet().row("macd-eth-1h").status().get() == BotStatus.RUNNING);
        assertThat(stored("macd-eth-1h")).isEqualTo(BotStatus.RUNNING);
        Fx.run(() -> items.get(3).fire());
        Fx.await("the chart of the bot", () -> w.candles().title().startsWith("macd-eth-1h"));
        BotRow row = Fx.on(() -> w.fleet().selected().get());
        assertThat(row.id()).isEqualTo("macd-eth-1h");
    }
}
