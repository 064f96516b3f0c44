package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.BotDraft;
import dev.flotilla.engine.model.ParamChange;
import dev.flotilla.ui.screen.params.ParamHistoryDialog;
import dev.flotilla.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running bot's parameter history, opened from the fleet table, and its Undo button. */
class ParamHistoryDialogTest {

    static final String BOT = "ema-btc-15m";

    @TempDir
    Path dir;

    OpenConsole open;
    LiveEngine live;
    MainWindow w;

    @BeforeEach
    void open() throws Exception {
        open = OpenConsole.open(dir, 600, 1600, 1000);
        live = open.live;
        w = open.window;
    }

    @AfterEach
    void close() throws Exception {
        open.close();
    }

    /** The text of a cell of the dialog's table. */
    private static String cell(ParamHistoryDialog d, int row, int column) throws Exception {
        return Fx.on(() -> {
            TableView<ParamChange> t = d.table();
            return String.valueOf(t.getColumns().get(column).getCellData(row));
        });
    }

    @Test
    void theHistoryListsEachChangeOldToNewAndUndoAddsOneOfItsOwn() throws Exception {
        BotDraft draft = live.engine.bots().draft(BOT).orElseThrow();
        Map<String, String> params = new LinkedHashMap<>(draft.params());
        params.put("fastPeriod", "12");
        params.put("slowPeriod", "30");
        live.engine.bots().edit(BOT, new BotDraft(BOT, draft.strategy(), draft.symbol(), draft.timeframe(), params,
                draft.capital())).join();
        live.engine.risk().setBotLimits(BOT, Map.of("stopLoss", "0.02", "maxTradesPerDay", "8"));
        Fx.await("both changes are stored", () -> live.engine.params().history(BOT).size() == 2);
        Fx.await("the event log shows the change", () -> w.eventLog().shown().stream()
                .anyMatch(e -> e.type().equals("PARAMS_CHANGED") && e.text().contains("fastPeriod 9 → 12")));

        Fx.run(() -> w.table().select(BOT));
        List<MenuItem> items = Fx.on(() -> w.table().menuItems());
        assertThat(Fx.on(() -> items.get(7).getText())).isEqualTo("Parameter history…");
        Fx.run(() -> items.get(7).fire());
        ParamHistoryDialog d = Fx.on(() -> w.actions().lastParamHistory());
        assertThat(Fx.on(() -> d.dialog().getTitle())).isEqualTo("Parameter history of " + BOT);
        assertThat(Fx.on(() -> d.table().getItems().size())).isEqualTo(2);
        assertThat(cell(d, 0, 1)).isEqualTo("Risk limits");
        assertThat(cell(d, 0, 2)).isEqualTo("stopLoss 0.03 → 0.02\nmaxTradesPerDay 20 → 8");
        assertThat(cell(d, 1, 1)).isEqualTo("Strategy");
        assertThat(cell(d, 1, 2)).isEqualTo("fastPeriod 9 → 12\nslowPeriod 21 → 30");
        assertThat(cell(d, 1, 3)).isEqualTo("console");
        assertThat(cell(d, 0, 0)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(Fx.on(() -> d.undoButton().isDisabled())).as("nothing selected").isTrue();

        // undo the strategy change: the old periods come back, as a new change at the top
        Fx.run(() -> d.table().getSelectionModel().select(1));
        Fx.run(() -> d.undoButton().fire());
        Fx.await("the undo is listed", () -> d.table().getItems().size() == 3);
        assertThat(cell(d, 0, 2)).isEqualTo("fastPeriod 12 → 9\nslowPeriod 30 → 21");
        assertThat(cell(d, 0, 3)).isEqualTo("undo");
        assertThat(live.store.bot(BOT).orElseThrow().params()).containsEntry("fastPeriod", 9.0).containsEntry("slowPeriod", 21.0);
        assertThat(live.engine.risk().botLimits(BOT).value("stopLoss")).as("the limits stay").isEqualByComparingTo("0.02");
        Fx.run(() -> d.table().getSelectionModel().select(0));
        Fx.on(() -> Screenshots.save(d.dialog(), "dialog-param-history"));

        // the same change again: the engine refuses, and says why
        Fx.run(() -> d.table().getSelectionModel().select(2));
        Fx.run(() -> d.undoButton().fire());
        Fx.await("the refusal is shown", () -> !d.message().getText().isEmpty());
        assertThat(Fx.on(() -> d.message().getText()))
                .isEqualTo("Not undone: " + BOT + " already has fastPeriod 9, slowPeriod 21; there is nothing to undo");
        assertThat(live.engine.params().history(BOT)).hasSize(3);
        Fx.on(() -> Screenshots.save(d.dialog(), "dialog-param-history-refused"));
    }
}
