package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.LimitInfo;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.ui.screen.dialog.Forms;
import dev.flotilla.ui.screen.risk.LimitsDialog;
import dev.flotilla.ui.shell.MainWindow;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The risk limits dialogs on a running engine: bad values refused under their field, good ones stored and applied. */
class RiskLimitsTest {

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

    /** Types into a limit's field; returns the message shown under it ("" when none) and whether OK is on. */
    private String type(LimitsDialog d, String limit, String text) throws Exception {
        return Fx.on(() -> {
            d.input(limit).setText(text);
            return d.message(limit).getText();
        });
    }

    private boolean okEnabled(LimitsDialog d) throws Exception {
        return Fx.on(() -> !Forms.ok(d.dialog()).isDisabled());
    }

    @Test
    void aBotsLimitsRefuseBadValuesAndStoreGoodOnes() throws Exception {
        Fx.run(() -> w.table().select("ema-btc-15m"));
        List<MenuItem> items = Fx.on(() -> w.table().menuItems());
        Fx.run(() -> items.get(5).fire());  // "Risk limits…"
        LimitsDialog d = Fx.on(() -> (LimitsDialog) w.actions().risk().lastLimits());
        assertThat(Fx.on(() -> d.dialog().getTitle())).isEqualTo("Risk limits of ema-btc-15m");
        assertThat(Fx.on(() -> d.input("stopLoss").getText())).isEqualTo("0.03");
        assertThat(okEnabled(d)).isTrue();
        // every limit the engine describes has a field, with its label, unit, range and default
        var limits = live.engine.risk().botLimits("ema-btc-15m").limits();
        assertThat(limits).hasSize(8);
        for (LimitInfo l : limits) assertThat(Fx.on(() -> d.input(l.name()))).as(l.name()).isNotNull();
        List<String> texts = Fx.on(() -> d.dialog().getDialogPane().lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).toList());
        assertThat(texts).contains("Stop-loss", "Entries per UTC day", "Cooldown after losses", "= 3%", "count",
                "the widest stop below the entry price that any position gets\nallowed above 0, at most 50%  ·  default 3%",
                "the stop follows the highest price since entry at this distance below it\nallowed 0 (off) to 50%  ·  default off");
        Fx.on(() -> Screenshots.save(d.dialog(), "dialog-risk-limits-bot"));

        assertThat(type(d, "stopLoss", "-0.01")).startsWith("stopLoss must be a number above 0 and at most 0.5 (50%)");
        assertThat(okEnabled(d)).isFalse();
        assertThat(type(d, "stopLoss", "0")).startsWith("stopLoss must be a number above 0");
        assertThat(type(d, "stopLoss", "0.6")).as("a stop-loss wider than 50%").contains("at most 0.5 (50%)").endsWith("got 0.6");
        assertThat(type(d, "stopLoss", "abc")).contains("which is not a number");
        assertThat(okEnabled(d)).isFalse();
        assertThat(type(d, "stopLoss", "0.02")).isEmpty();
        assertThat(type(d, "maxPosition", "1.5")).as("over 100%").startsWith("maxPosition must be a number above 0 and at most 1 (100%)");
        assertThat(type(d, "maxTradesPerDay", "0")).startsWith("maxTradesPerDay must be a whole number from 1 to 1000");
        assertThat(type(d, "takeProfit", "0")).as("0 turns the take-profit off").isEmpty();
        assertThat(okEnabled(d)).isFalse();
        Fx.on(() -> Screenshots.save(d.dialog(), "dialog-risk-limits-refused"));
        assertThat(type(d, "maxPosition", "0.2")).isEmpty();
        assertThat(type(d, "maxTradesPerDay", "5")).isEmpty();
        assertThat(okEnabled(d)).isTrue();
        Fx.run(() -> Forms.ok(d.dialog()).fire());
        Fx.await("the dialog closes", () -> !d.dialog().isShowing());

        var stored = live.engine.risk().botLimits("ema-btc-15m");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (stored.value("stopLoss").compareTo(new BigDecimal("0.02")) != 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            stored = live.engine.risk().botLimits("ema-btc-15m");
        }
        assertThat(stored.value("stopLoss")).isEqualByComparingTo("0.02");
        assertThat(stored.value("takeProfit")).isEqualByComparingTo("0");
        assertThat(stored.value("maxPosition")).isEqualByComparingTo("0.2");
        assertThat(stored.value("maxTradesPerDay")).isEqualByComparingTo("5");
        assertThat(live.engine.risk().botLimits("rsi-eth-15m").value("stopLoss")).as("other bots keep theirs")
                .isEqualByComparingTo("0.03");
    }

    @Test
    void aTighterPortfolioExposureMakesEntriesRefuseWithItsReasonCode() throws Exception {
        LimitsDialog d = Fx.on(() -> w.actions().risk().portfolioLimits());
        assertThat(Fx.on(() -> d.dialog().getTitle())).isEqualTo("Portfolio risk limits");
        assertThat(type(d, "maxOrderValue", "0")).startsWith("maxOrderValue must be an amount in USDT above 0");
        assertThat(type(d, "maxOrderValue", "5000")).isEmpty();
        assertThat(type(d, "maxExposure", "2")).startsWith("maxExposure must be a number above 0 and at most 1 (100%)");
        assertThat(okEnabled(d)).isFalse();
        assertThat(type(d, "maxExposure", "0.0001")).isEmpty();
        assertThat(okEnabled(d)).isTrue();
        Fx.on(() -> Screenshots.save(d.dialog(), "dialog-risk-limits"));
        long changedAt = live.engine.clock().now();
        Fx.run(() -> Forms.ok(d.dialog()).fire());
        Fx.await("the dialog closes", () -> !d.dialog().isShowing());
        assertThat(live.engine.risk().portfolioLimits().value("maxExposure")).isEqualByComparingTo("0.0001");

        // the engine applies it: the next entries are refused for the exposure limit, and the console lists them
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (exposureRefusals(changedAt).isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(exposureRefusals(changedAt)).isNotEmpty();
        Fx.await("the risk events view shows the refusal", () -> w.riskEvents().rows().stream()
                .anyMatch(r -> r.code().equals("EXPOSURE_LIMIT")));
        String bot = exposureRefusals(changedAt).getFirst().botId();
        Fx.run(() -> {
            w.history().botFilter().setValue(bot);
            w.history().tabs().getSelectionModel().select(3);
        });
        Fx.await("the risk events of " + bot + " only", () -> !w.riskEvents().rows().isEmpty()
                && w.riskEvents().rows().stream().allMatch(r -> bot.equals(r.botId())));
        assertThat(Fx.on(() -> w.dashboard().exposure().get())).endsWith("(limit 0.01%)");
        Fx.settle(w);
        Fx.on(() -> Screenshots.save(w.scene(), "dashboard-risk-events"));
    }

    private List<RiskRecord> exposureRefusals(long since) {
        return live.engine.risk().riskEvents(500).stream()
                .filter(r -> r.code().equals("EXPOSURE_LIMIT") && r.at() >= since).toList();
    }
}
