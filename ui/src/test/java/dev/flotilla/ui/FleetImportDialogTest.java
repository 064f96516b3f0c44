package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.ui.screen.dialog.Forms;
import dev.flotilla.ui.screen.fleetfile.FleetImportDialog;
import dev.flotilla.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File > Import fleet file… on a fleet that has traded: the plan, OK applying it, and a file the engine refuses. */
class FleetImportDialogTest {

    /** A parameter value each strategy allows with its other defaults. */
    static final Map<String, Map<String, Double>> TUNED = Map.of("ema-rsi", Map.of("fastPeriod", 12.0),
            "rsi-reversion", Map.of("rsiPeriod", 9.0), "bollinger-reversion", Map.of("period", 24.0, "stdDevs", 2.5),
            "macd-momentum", Map.of("fastPeriod", 10.0), "donchian-breakout", Map.of("entryPeriod", 30.0),
            "atr-trend", Map.of("trendPeriod", 60.0, "atrMultiplier", 2.5));

    @TempDir
    Path dir;

    static String json(List<BotSpec> bots) {
        return bots.stream().map(b -> "{\"id\": \"" + b.id() + "\", \"strategy\": \"" + b.strategy() + "\", \"symbol\": \""
                + b.symbol() + "\", \"timeframe\": \"" + b.timeframe().label() + "\", \"params\": "
                + b.params().entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                        .collect(Collectors.joining(", ", "{", "}")) + ", \"capital\": " + b.capital().toPlainString() + "}")
                .collect(Collectors.joining(",\n", "{\"bots\": [\n", "\n]}"));
    }

    @Test
    void thePlanIsShownAndOkAppliesItAndARefusedFileGetsItsMessage() throws Exception {
        new LiveEngine(dir, EngineConfig.MAX_SPEED).runFor(Duration.ofDays(2)).close();
        try (OpenConsole open = OpenConsole.open(dir, 60, 1600, 1000)) {
            MainWindow w = open.window;
            // flat 4h bots: at 60x none of them can open a position in the second the test takes
            List<String> flat4h = open.live.engine.snapshot().bots().stream()
                    .filter(b -> b.timeframe().equals("4h") && b.positionQty().signum() == 0).map(BotView::id).toList();
            assertThat(flat4h).hasSizeGreaterThanOrEqualTo(3);
            List<BotSpec> file = new ArrayList<>();
            for (BotSpec b : open.live.store.bots()) {
                if (b.id().equals(flat4h.get(2))) continue;
                if (b.id().equals(flat4h.get(0)) || b.id().equals(flat4h.get(1))) {
                    Map<String, Double> p = new LinkedHashMap<>(b.params());
                    p.putAll(TUNED.get(b.strategy()));
                    b = b.withParams(p);
                }
                file.add(b);
            }
            file.add(new BotSpec("ema-sol-15m-fast", "ema-rsi", dev.flotilla.engine.model.Symbol.parse("SOL/USDT"),
                    dev.flotilla.engine.model.Timeframe.M15, Map.of("fastPeriod", 5.0, "slowPeriod", 13.0), new java.math.BigDecimal("2500")));
            file.add(new BotSpec("donch-btc-1h-wide", "donchian-breakout", dev.flotilla.engine.model.Symbol.parse("BTC/USDT"),
                    dev.flotilla.engine.model.Timeframe.H1, Map.of("entryPeriod", 55.0, "exitPeriod", 20.0), new java.math.BigDecimal("5000")));
            Path path = dir.resolve("fleet-2026-02.json");
            Files.writeString(path, json(file));

            FleetImportDialog d = Fx.on(() -> w.actions().importFleet(path)).get(60, TimeUnit.SECONDS);
            assertThat(d).isNotNull();
            DialogPane pane = d.dialog().getDialogPane();
            List<String> texts = Fx.on(() -> pane.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList());
            assertThat(texts).contains("Add (2)", "Change (2)", "Remove (1)", "2 to add, 2 to change, 1 to remove, 42 unchanged.",
                    "+ ema-sol-15m-fast", "ema-rsi on SOL/USDT 15m, 2500 USDT, starts running",
                    "− " + flat4h.get(2), open.live.store.bot(flat4h.get(2)).orElseThrow().strategy() + " on "
                            + open.live.store.bot(flat4h.get(2)).orElseThrow().symbol() + " 4h, 10000 USDT");
            assertThat(texts).anyMatch(t -> t.startsWith("params ") && t.contains(" → "));
            assertThat(Fx.on(() -> Forms.ok(d.dialog()).isDisabled())).isFalse();
            Fx.on(() -> Screenshots.save(d.dialog(), "dialog-import-fleet"));

            Fx.run(() -> Forms.ok(d.dialog()).fire());
            Fx.await("the dialog closes once applied", () -> !d.dialog().isShowing());
            assertThat(d.dialog().getResult()).isEqualTo(ButtonType.OK);
            Fx.await("the table lists the new fleet", () -> w.fleet().rows().size() == 46);
            assertThat(open.live.engine.snapshot().bots()).extracting(BotView::id)
                    .contains("ema-sol-15m-fast", "donch-btc-1h-wide").doesNotContain(flat4h.get(2));

            // the same file again: nothing to do, and OK stays off
            FleetImportDialog same = Fx.on(() -> w.actions().importFleet(path)).get(60, TimeUnit.SECONDS);
            assertThat(Fx.on(() -> Forms.ok(same.dialog()).isDisabled())).isTrue();
            Fx.run(() -> ((Button) same.dialog().getDialogPane().lookupButton(ButtonType.CANCEL)).fire());

            // a file the engine refuses: one message, nothing changes
            Path bad = dir.resolve("fleet-typo.json");
            Files.writeString(bad, json(file).replace("\"strategy\": \"donchian-breakout\"", "\"strategy\": \"donchian-breakut\""));
            assertThat(Fx.on(() -> w.actions().importFleet(bad)).get(60, TimeUnit.SECONDS)).isNull();
            Fx.await("the refusal", () -> refusal() != null);
            DialogPane r = Fx.on(FleetImportDialogTest::refusal);
            assertThat(r.getContentText()).contains("unknown strategy 'donchian-breakut'");
            Fx.on(() -> Screenshots.save(r.getScene(), "dialog-import-fleet-refused"));
            Fx.run(() -> ((Button) r.lookupButton(ButtonType.OK)).fire());
            assertThat(open.live.engine.snapshot().bots()).hasSize(46);
        }
    }

    private static DialogPane refusal() {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(s -> s != null && s.getRoot() instanceof DialogPane p && p.getHeaderText() != null
                        && p.getHeaderText().endsWith("was refused: nothing was changed"))
                .map(s -> (DialogPane) s.getRoot()).findFirst().orElse(null);
    }
}
