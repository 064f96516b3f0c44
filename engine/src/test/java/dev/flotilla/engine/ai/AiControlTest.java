package dev.flotilla.engine.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.api.AiSettings;
import dev.flotilla.engine.api.AiStatus;
import dev.flotilla.engine.api.InvalidInputException;
import dev.flotilla.engine.boot.FleetSeeder;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.fleet.Fleet;
import dev.flotilla.engine.fleet.FleetFileTest;
import dev.flotilla.engine.risk.PriceHistory;
import dev.flotilla.engine.risk.RiskGateway;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import org.junit.jupiter.api.Test;

/** The AI level's settings are kept in the store, checked first, and its status follows the server. */
class AiControlTest {

    private static AiControl control(Store store) {
        Fleet fleet = new Fleet(store, EngineConfig.defaults());
        return new AiControl(store, fleet, new RiskGateway(store, fleet::books, PriceHistory.NONE), PriceHistory.NONE);
    }

    @Test
    void settingsAndBotsSurviveARestartAndTheStatusFollowsTheServer() throws Exception {
        try (Store store = new Store(Database.inMemory("ai-control")); StandInOllama ollama = new StandInOllama()) {
            FleetSeeder.seedIfEmpty(store, FleetFileTest.defaultFleet(), AiLevelTest.NOW);
            AiControl ai = control(store);
            assertThat(ai.settings().configured()).isFalse();
            assertThat(ai.status()).isEqualTo(AiStatus.NOT_CONFIGURED);
            assertThat(ai.bots()).isNotEmpty().doesNotContainValue(true);
            String bot = ai.bots().keySet().iterator().next();
            ai.configure(new AiSettings(ollama.url(), "llama3.2", 1_500, true));
            ai.setBot(bot, true);
            assertThat(ai.checkNow()).isEqualTo(AiStatus.AVAILABLE);
            assertThat(ai.status()).isEqualTo(AiStatus.AVAILABLE);

            AiControl again = control(store);
            assertThat(again.settings()).isEqualTo(new AiSettings(ollama.url(), "llama3.2", 1_500, true));
            assertThat(again.bots()).containsEntry(bot, true);
            ollama.close();
            assertThat(again.checkNow()).isEqualTo(AiStatus.UNAVAILABLE);
            again.configure(new AiSettings(ollama.url(), "llama3.2", 1_500, false));
            assertThat(again.status()).isEqualTo(AiStatus.NOT_CONFIGURED);
        }
    }

    @Test
    void badSettingsAreRefusedBeforeAnythingChanges() throws Exception {
        try (Store store = new Store(Database.inMemory("ai-control-bad"))) {
            AiControl ai = control(store);
            assertThatThrownBy(() -> ai.configure(new AiSettings("ftp://x", "m", 2_000, true)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("http");
            assertThatThrownBy(() -> ai.configure(new AiSettings("http://localhost:11434", "m", 10, true)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("timeout");
            assertThatThrownBy(() -> ai.configure(new AiSettings("http://localhost:11434", "", 2_000, true)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("model");
            assertThatThrownBy(() -> ai.setBot("nobody", true)).isInstanceOf(InvalidInputException.class);
            assertThat(ai.settings()).isEqualTo(AiSettings.NONE);
        }
    }
}
