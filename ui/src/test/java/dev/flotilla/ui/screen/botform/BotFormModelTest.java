package dev.flotilla.ui.screen.botform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.BotCheck;
import dev.flotilla.engine.api.BotCommands;
import dev.flotilla.engine.api.BotCatalog;
import dev.flotilla.engine.api.BotDraft;
import dev.flotilla.engine.api.ParamInfo;
import dev.flotilla.engine.api.StrategyInfo;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The form on a stand-in for the engine's checks: it only shows what the engine says. */
class BotFormModelTest {

    /** Refuses the id "taken" and a capital of "0"; remembers what it was asked. */
    static final class Checks implements BotCommands {
        BotDraft created;

        public BotCatalog catalog() {
            return new BotCatalog(StrategyRegistry.builtin().types().stream()
                    .map(t -> new StrategyInfo(t.id(), t.displayName(), t.params().stream()
                            .map(p -> new ParamInfo(p.name(), p.description(), p.min(), p.max(), p.defaultValue(), p.integer()))
                            .toList())).toList(),
                    List.of("BTC/USDT", "ETH/USDT"), List.of("15m", "1h", "4h"), new BigDecimal("10000"), new BigDecimal("1000000000"));
        }

        public BotCheck check(BotDraft d, String editing) {
            Map<String, String> p = new LinkedHashMap<>();
            if (d.id().startsWith("ema-btc-15m") && !d.id().equals("ema-btc-15m-3")) p.put(BotCheck.ID, "exists");
            if (d.id().equals("taken")) p.put(BotCheck.ID, "exists");
            if ("0".equals(d.capital())) p.put(BotCheck.CAPITAL, "must be more than 0");
            if ("99".equals(d.params().get("fastPeriod"))) p.put(BotCheck.param("fastPeriod"), "too slow");
            return new BotCheck(p);
        }

        public Optional<BotDraft> draft(String botId) { return Optional.empty(); }
        public boolean canMove(String botId) { return true; }
        public boolean canChangeCapital(String botId) { return true; }

        public CompletableFuture<String> create(BotDraft draft, boolean start) {
            created = draft;
            return CompletableFuture.completedFuture(draft.id());
        }

        public CompletableFuture<Void> edit(String botId, BotDraft draft) { return CompletableFuture.completedFuture(null); }
        public CompletableFuture<Void> remove(String botId) { return CompletableFuture.completedFuture(null); }
    }

    @Test
    void aNewFormOffersAFreeIdAndTheStrategysDefaults() {
        Checks checks = new Checks();
        BotFormModel m = BotFormModel.create(checks);
        assertThat(m.id().get()).isEqualTo("ema-btc-15m-3");
        assertThat(m.valid().get()).isTrue();
        assertThat(m.params()).extracting(f -> f.spec().name()).containsExactly("fastPeriod", "slowPeriod", "rsiPeriod",
                "overbought", "oversold");
        assertThat(m.params().getFirst().text().get()).isEqualTo("9");
        m.symbol().set("ETH/USDT");
        assertThat(m.id().get()).as("the offer follows the choices until an id is typed").isEqualTo("ema-eth-15m");
        m.id().set("mine");
        m.timeframe().set("4h");
        assertThat(m.id().get()).isEqualTo("mine");
    }

    @Test
    void eachMessageGoesUnderItsFieldAndOkFollowsThem() {
        BotFormModel m = BotFormModel.create(new Checks());
        m.id().set("taken");
        m.capital().set("0");
        m.params().getFirst().text().set("99");
        assertThat(m.message(BotCheck.ID).get()).isEqualTo("exists");
        assertThat(m.message(BotCheck.CAPITAL).get()).isEqualTo("must be more than 0");
        assertThat(m.message(BotCheck.param("fastPeriod")).get()).isEqualTo("too slow");
        assertThat(m.valid().get()).isFalse();
        m.id().set("free");
        m.capital().set("500");
        m.params().getFirst().text().set("5");
        assertThat(m.valid().get()).isTrue();
        m.strategy().set("donchian-breakout");
        assertThat(m.params()).extracting(f -> f.spec().name()).containsExactly("entryPeriod", "exitPeriod");
    }

    @Test
    void submitSendsTheDraftAsTyped() {
        Checks checks = new Checks();
        BotFormModel m = BotFormModel.create(checks);
        m.id().set("x1");
        m.params().get(1).text().set("30");
        m.submit().join();
        assertThat(checks.created.id()).isEqualTo("x1");
        assertThat(checks.created.params()).containsEntry("slowPeriod", "30").containsEntry("fastPeriod", "9");
        assertThat(checks.created.capital()).isEqualTo("10000");
    }
}
