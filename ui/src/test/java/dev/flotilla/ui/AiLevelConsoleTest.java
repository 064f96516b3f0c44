package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.ai.StandInOllama;
import dev.flotilla.engine.api.AiSettings;
import dev.flotilla.engine.api.AiStatus;
import dev.flotilla.engine.api.TradeMarker;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.model.AiAnalysis;
import dev.flotilla.ui.prefs.Prefs;
import dev.flotilla.ui.screen.ai.AiLevelDialog;
import dev.flotilla.ui.shell.Console;
import dev.flotilla.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AI level in the console, against a local stand-in Ollama: set up in its dialog, then a simulated run in which
 * the model vetoes every other entry; the vetoes are in the risk events and crossed out on the chart with the reason.
 */
class AiLevelConsoleTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void startFx() throws Exception {
        Fx.start();
    }

    @Test
    void theDialogSetsTheLevelUpAndAVetoedEntryIsMarkedOnTheChartAndInTheRiskEvents() throws Exception {
        try (StandInOllama ollama = new StandInOllama().answersInTurn(
                StandInOllama.decision("veto", 1, "RSI divergence: momentum fading into resistance"),
                StandInOllama.decision("approve", 1, "trend and volume agree"),
                StandInOllama.decision("shrink", 0.5, "volatility is high; half size"));
             LiveEngine live = new LiveEngine(dir, EngineConfig.MAX_SPEED)) {
            Console console = OpenConsole.window(live, dir, Prefs.Theme.LIGHT);
            MainWindow w = console.window();

            AiLevelDialog d = Fx.on(() -> w.actions().risk().aiLevel());
            assertThat(Fx.on(() -> d.status().getText())).isEqualTo(AiStatus.NOT_CONFIGURED.label());
            assertThat(Fx.on(() -> d.status().getStyleClass())).contains("ai-unavailable");
            Fx.await("the bots are listed", () -> d.botBoxes().getChildren().size() == 45);
            Fx.run(() -> {
                var pane = d.dialog().getDialogPane();
                ((TextField) pane.lookup("#ai-url")).setText(ollama.url());
                ((TextField) pane.lookup("#ai-model")).setText("llama3.2");
                ((CheckBox) pane.lookup("#ai-enabled")).setSelected(true);
                d.botBoxes().getChildren().forEach(n -> ((CheckBox) n).setSelected(true));
                ((Button) pane.lookupButton(AiLevelDialog.SAVE)).fire();
            });
            Fx.await("the dialog closes once saved", () -> !d.dialog().isShowing());
            assertThat(live.engine.ai().settings()).isEqualTo(new AiSettings(ollama.url(), "llama3.2", 2_000, true));
            assertThat(live.engine.ai().bots()).hasSize(45).doesNotContainValue(false);
            assertThat(live.engine.ai().checkNow()).isEqualTo(AiStatus.AVAILABLE);

            live.runFor(Duration.ofDays(3));
            assertThat(live.engine.ai().recent(10_000)).anyMatch(a -> a.decision() == AiAnalysis.Decision.VETO)
                    .anyMatch(a -> a.decision() == AiAnalysis.Decision.SHRINK);
            String bot = live.engine.snapshot().bots().stream().map(b -> b.id())
                    .max(Comparator.comparingInt((String id) -> (int) live.engine.reads().chart(id, 150).orElseThrow()
                            .markers().stream().filter(TradeMarker::aiVeto).count())
                            .thenComparingInt(id -> live.engine.reads().chart(id, 150).orElseThrow().markers().size()))
                    .orElseThrow();
            Fx.run(() -> {
                w.actions().showChart(bot);
                w.history().botFilter().setValue(bot);
                w.history().tabs().getSelectionModel().select(3);
            });
            Fx.await("the chart of " + bot + " with its AI vetoes", () -> w.candles().title().startsWith(bot)
                    && w.candles().aiVetoCount() >= 1);
            assertThat(Fx.on(() -> w.candles().aiNote().getText())).contains("AI veto", "RSI divergence");
            Fx.await("the veto in the risk events", () -> w.riskEvents().rows().stream()
                    .anyMatch(r -> r.code().equals("AI_VETO") && r.detail().contains("RSI divergence")));
            Fx.settle(w);
            assertThat(Files.size(Fx.on(() -> Screenshots.save(w.scene(), "chart-ai-veto")))).isGreaterThan(50_000);

            AiLevelDialog again = Fx.on(() -> w.actions().risk().aiLevel());
            Fx.await("the latest analyses and the server's status", () -> !again.recentTable().getItems().isEmpty()
                    && again.status().getText().equals(AiStatus.AVAILABLE.label()));
            Fx.run(() -> again.checkButton().fire());
            Fx.await("checked again", () -> !again.checkButton().isDisabled());
            Fx.on(() -> Screenshots.save(again.dialog(), "dialog-ai-level"));
            Fx.run(() -> again.dialog().close());
        }
    }
}
