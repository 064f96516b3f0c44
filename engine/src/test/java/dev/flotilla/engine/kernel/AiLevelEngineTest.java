package dev.flotilla.engine.kernel;

import dev.flotilla.engine.store.OnBothStores;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.ai.AiLevel;
import dev.flotilla.engine.ai.StandInOllama;
import dev.flotilla.engine.api.AiApi;
import dev.flotilla.engine.api.AiSettings;
import dev.flotilla.engine.api.AiStatus;
import dev.flotilla.engine.api.TradeMarker;
import dev.flotilla.engine.event.RiskEvent;
import dev.flotilla.engine.fleet.FleetFileTest;
import dev.flotilla.engine.model.AiAnalysis;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AI level in a real engine on a real store: a model that vetoes everything stops every entry, and says why. */
@OnBothStores
class AiLevelEngineTest {

    @TempDir
    Path dir;

    @Test
    void aVetoingModelKeepsEveryEntryBackAndEachVetoIsStoredAndShown() throws Exception {
        List<BotSpec> fleet = FleetFileTest.defaultFleet();
        try (StandInOllama ollama = new StandInOllama().answers("veto", 1, "falling knife");
             EngineHarness h = EngineHarness.open(dir, 7, fleet, StrategyRegistry.builtin())) {
            AiApi ai = h.engine.ai();
            assertThat(ai.status()).isEqualTo(AiStatus.NOT_CONFIGURED);
            ai.configure(new AiSettings(ollama.url(), "stand-in", 20_000, true));  // answers never time out, even on a busy machine
            fleet.forEach(b -> ai.setBot(b.id(), true));
            assertThat(ai.checkNow()).isEqualTo(AiStatus.AVAILABLE);
            h.runFor(Duration.ofDays(2));
            h.engine.events().close();

            assertThat(h.store.count("orders")).isZero();
            List<AiAnalysis> analyses = ai.recent(10_000);
            assertThat(analyses).isNotEmpty().hasSize(ollama.chats.size()).allSatisfy(a -> {
                assertThat(a.decision()).isEqualTo(AiAnalysis.Decision.VETO);
                assertThat(a.outcome()).isEqualTo(AiAnalysis.Outcome.ANSWERED);
                assertThat(a.reason()).isEqualTo("falling knife");
            });
            List<RiskRecord> vetoes = h.engine.risk().riskEvents(100_000).stream()
                    .filter(r -> r.code().equals(AiLevel.VETO)).toList();
            assertThat(vetoes).hasSameSizeAs(analyses)
                    .allSatisfy(r -> assertThat(r.detail()).contains("falling knife").contains("stand-in"));
            assertThat(h.events.stream().filter(e -> e instanceof RiskEvent.RiskRejected r && r.code().equals(AiLevel.VETO)))
                    .hasSameSizeAs(vetoes);
            String vetoed = analyses.getFirst().botId();
            List<TradeMarker> marks = h.engine.reads().chart(vetoed, 300).orElseThrow().markers();
            assertThat(marks).anyMatch(m -> m.aiVeto() && "falling knife".equals(m.note()));
        }
    }

    @Test
    void anUnreachableServerIsSkippedAndTheFleetTradesAsWithoutIt() throws Exception {
        List<BotSpec> fleet = FleetFileTest.defaultFleet();
        try (EngineHarness h = EngineHarness.open(dir, 7, fleet, StrategyRegistry.builtin())) {
            AiApi ai = h.engine.ai();
            ai.configure(new AiSettings(StandInOllama.down(), "stand-in", 2_000, true));
            fleet.forEach(b -> ai.setBot(b.id(), true));
            assertThat(ai.checkNow()).isEqualTo(AiStatus.UNAVAILABLE);
            long t0 = System.nanoTime();
            h.runFor(Duration.ofDays(2));
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(60_000);
            assertThat(h.store.count("orders")).isPositive();
            assertThat(ai.recent(10_000)).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.outcome()).isEqualTo(AiAnalysis.Outcome.UNAVAILABLE));
            assertThat(h.engine.risk().riskEvents(100_000)).noneMatch(r -> r.code().equals(AiLevel.VETO));
        }
    }
}
