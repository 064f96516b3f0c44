package dev.flotilla.ui.screen.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.api.BotDraft;
import dev.flotilla.engine.api.InvalidInputException;
import dev.flotilla.engine.api.ParamInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestFormModelTest {

    static BacktestFormModel form() {
        return new BacktestFormModel(List.of(new BacktestFormModel.BotChoice("ema-btc-15m", "ema-crossover"),
                new BacktestFormModel.BotChoice("rsi-eth-1h", "rsi-reversion")),
                s -> s.equals("ema-crossover") ? List.of(new ParamInfo("fastPeriod", "fast EMA", 2, 100, 9, true),
                        new ParamInfo("slowPeriod", "slow EMA", 3, 300, 21, true)) : List.of(new ParamInfo("period", "RSI", 2, 100, 14, true)));
    }

    @Test
    void theFormBecomesTheEnginesDraftWithBothDaysIncluded() {
        BacktestFormModel f = form();
        f.from().set(LocalDate.of(2024, 4, 1));
        f.to().set(LocalDate.of(2024, 4, 10));
        f.fee().set(" 7.5 ");
        var d = f.draft();
        assertThat(d.botIds()).isEmpty();  // all bots
        assertThat(d.from()).isEqualTo(Instant.parse("2024-04-01T00:00:00Z").toEpochMilli());
        assertThat(d.to()).isEqualTo(Instant.parse("2024-04-11T00:00:00Z").toEpochMilli());
        assertThat(d.feeBps()).isEqualByComparingTo("7.5");
        assertThat(d.slippageBps()).isEqualByComparingTo(BigDecimal.valueOf(5));
        assertThat(d.seed()).isEqualTo(7L);
        f.sandbox().set(false);
        f.allBots().set(false);
        f.chosen().setAll("rsi-eth-1h");
        assertThat(f.draft().seed()).isNull();
        assertThat(f.draft().botIds()).containsExactly("rsi-eth-1h");
    }

    @Test
    void aSweepTakesTheFilledRangesOfItsBotsStrategy() {
        BacktestFormModel f = form();
        assertThat(f.ranges()).extracting(r -> r.spec().name()).containsExactly("fastPeriod", "slowPeriod");
        assertThat(f.range("fastPeriod").hint()).isEqualTo("2..100, default 9");
        f.range("fastPeriod").text().set("5..7:1");
        f.workers().set("2");
        f.rank().set("calmar");
        var d = f.sweepDraft();
        assertThat(d.botId()).isEqualTo("ema-btc-15m");
        assertThat(d.params()).containsExactly("fastPeriod=5..7:1");  // blank slowPeriod: not swept
        assertThat(d.rank()).isEqualTo("calmar");
        assertThat(d.workers()).isEqualTo(2);
        f.sweepBot().set("rsi-eth-1h");
        assertThat(f.ranges()).extracting(r -> r.spec().name()).containsExactly("period");
    }

    @Test
    void whatIsNotANumberIsRefusedUnderItsField() {
        BacktestFormModel f = form();
        f.fee().set("ten");
        assertThatThrownBy(f::draft).isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("fee");
        f.fee().set("10");
        f.allBots().set(false);
        assertThatThrownBy(f::draft).isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("bots");
        f.workers().set("many");
        assertThatThrownBy(f::sweepDraft).isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("workers");
    }

    @Test
    void theEnginesRefusalLandsUnderTheFieldItNames() {
        BacktestFormModel f = form();
        f.refused(new InvalidInputException("from", "the sandbox's history begins 2024-01-01", null));
        f.refused(new InvalidInputException("job", "backtest of 45 bots is still running", null));
        assertThat(f.message("from").get()).contains("2024-01-01");
        assertThat(f.message("other").get()).contains("still running");
        assertThat(f.message("fee").get()).isEmpty();
    }

    @Test
    void aSetIsAppliedAsTheBotsParametersTypedOverItsOthers() {
        BotDraft d = new BotDraft("ema-btc-15m", "ema-crossover", "BTC/USDT", "15m",
                Map.of("fastPeriod", "9", "slowPeriod", "21", "rsiPeriod", "14"), "10000");
        BotDraft applied = BacktestsModel.withParams(d, Map.of("fastPeriod", 6.0, "slowPeriod", 30.0));
        assertThat(applied.params()).containsEntry("fastPeriod", "6").containsEntry("slowPeriod", "30").containsEntry("rsiPeriod", "14");
        assertThat(applied.capital()).isEqualTo("10000");
    }
}
