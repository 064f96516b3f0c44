package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.BotCheck;
import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.ui.screen.botform.BotDialog;
import dev.flotilla.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new-bot and edit-bot dialog: every wrong input refused with its message, a right one makes a working bot. */
class BotDialogTest {

    @TempDir
    Path dir;

    OpenConsole open;
    LiveEngine live;
    MainWindow w;

    @BeforeEach
    void open() throws Exception {
        open = OpenConsole.open(dir, 3_600);
        live = open.live;
        w = open.window;
    }

    @AfterEach
    void close() throws Exception {
        open.close();
    }

    private static Button ok(BotDialog d) {
        return (Button) d.dialog().getDialogPane().lookupButton(ButtonType.OK);
    }

    /** Makes one change, checks that OK is refused with the message under the field, then undoes it. */
    private void refused(BotDialog d, Consumer<BotDialog> change, Consumer<BotDialog> undo, String field, String message)
            throws Exception {
        Fx.run(() -> change.accept(d));
        assertThat(Fx.on(() -> d.model().message(field).get())).as(field).contains(message);
        assertThat(Fx.on(() -> ok(d).isDisabled())).as("OK with a wrong " + field).isTrue();
        Fx.run(() -> undo.accept(d));
        assertThat(Fx.on(() -> d.model().message(field).get())).as(field + " after undo").isEmpty();
    }

    @Test
    void theNewBotDialogRefusesEachWrongInputAndCreatesAWorkingBot() throws Exception {
        BotDialog d = Fx.on(() -> w.actions().newBot());
        // it opens valid, with a free id in the fleet's style and the strategy's defaults
        assertThat(Fx.on(() -> d.idField().getText())).isEqualTo("ema-btc-15m-2");
        assertThat(Fx.on(() -> ok(d).isDisabled())).isFalse();
        assertThat(Fx.on(() -> d.paramField("fastPeriod").getText())).isEqualTo("9");

        refused(d, x -> x.idField().setText("Bad Id!"), x -> x.idField().setText("ema-btc-fast"), BotCheck.ID, "a-z, 0-9");
        refused(d, x -> x.idField().setText("ema-btc-15m"), x -> x.idField().setText("ema-btc-fast"), BotCheck.ID, "exists");
        refused(d, x -> x.capitalField().setText("lots"), x -> x.capitalField().setText("2500"), BotCheck.CAPITAL,
                "must be a number of USDT, got 'lots'");
        refused(d, x -> x.capitalField().setText("0"), x -> x.capitalField().setText("2500"), BotCheck.CAPITAL, "more than 0");
        refused(d, x -> x.capitalField().setText("2000000000"), x -> x.capitalField().setText("2500"), BotCheck.CAPITAL,
                "at most 1000000000 USDT");
        refused(d, x -> x.paramField("fastPeriod").setText("150"), x -> x.paramField("fastPeriod").setText("5"),
                BotCheck.param("fastPeriod"), "must be a whole number from 2 to 100, got 150");
        refused(d, x -> x.paramField("fastPeriod").setText("7.5"), x -> x.paramField("fastPeriod").setText("5"),
                BotCheck.param("fastPeriod"), "whole number");
        refused(d, x -> x.paramField("rsiPeriod").setText("ten"), x -> x.paramField("rsiPeriod").setText("14"),
                BotCheck.param("rsiPeriod"), "must be a number, got 'ten'");
        refused(d, x -> x.paramField("fastPeriod").setText("30"), x -> x.paramField("fastPeriod").setText("5"),
                BotCheck.PARAMS, "'fastPeriod' (30) must be less than 'slowPeriod' (21)");
        Fx.run(() -> {
            d.idField().setText("Bad Id!");
            d.paramField("fastPeriod").setText("150");
            d.paramField("rsiPeriod").setText("ten");
            d.capitalField().setText("-5");
        });
        assertThat(Fx.on(() -> ok(d).isDisabled())).isTrue();
        Fx.on(() -> Screenshots.save(d.dialog(), "dialog-new-bot-refused"));
        Fx.run(() -> {
            d.idField().setText("ema-btc-fast");
            d.paramField("fastPeriod").setText("5");
            d.paramField("rsiPeriod").setText("14");
            d.capitalField().setText("2500");
        });

        // a valid bot on another symbol and timeframe, with another strategy
        Fx.run(() -> {
            d.strategyBox().setValue("donchian-breakout");
            d.symbolBox().setValue("SOL/USDT");
            d.timeframeBox().setValue("15m");
            d.idField().setText("donch-sol-fast");
        });
        assertThat(Fx.on(() -> d.paramField("entryPeriod").getText())).isEqualTo("20");
        Fx.run(() -> d.paramField("entryPeriod").setText("12"));
        assertThat(Fx.on(() -> ok(d).isDisabled())).isFalse();
        Fx.on(() -> Screenshots.save(d.dialog(), "dialog-new-bot"));
        Fx.run(() -> ok(d).fire());
        Fx.await("the dialog closes", () -> !d.dialog().isShowing());
        Fx.await("the new bot has a row", () -> w.fleet().row("donch-sol-fast") != null);
        assertThat(live.store.bot("donch-sol-fast").orElseThrow().params()).containsEntry("entryPeriod", 12.0);
        assertThat(live.store.botStates().get("donch-sol-fast").status()).isEqualTo(BotStatus.RUNNING);
        Fx.await("the new bot ticks", () -> w.fleet().row("donch-sol-fast").lastTick().get() > 0);
        BotView v = live.engine.snapshot().bots().stream().filter(b -> b.id().equals("donch-sol-fast")).findFirst().orElseThrow();
        assertThat(v.equity()).isPositive();
        assertThat(v.status()).isEqualTo(BotStatus.RUNNING);
    }

    @Test
    void theEditDialogChangesParametersAndKeepsTheBooks() throws Exception {
        BotDialog d = Fx.on(() -> w.actions().editBot("boll-btc-1h"));
        assertThat(Fx.on(() -> d.idField().isDisabled())).isTrue();
        assertThat(Fx.on(() -> d.paramField("period").getText())).isEqualTo("20");
        refused(d, x -> x.paramField("stdDevs").setText("9"), x -> x.paramField("stdDevs").setText("2.5"),
                BotCheck.param("stdDevs"), "from 0.5 to 4, got 9");
        Fx.on(() -> Screenshots.save(d.dialog(), "dialog-edit-bot"));
        Fx.run(() -> ok(d).fire());
        Fx.await("the dialog closes", () -> !d.dialog().isShowing());
        assertThat(live.store.bot("boll-btc-1h").orElseThrow().params()).containsEntry("stdDevs", 2.5);
    }
}
