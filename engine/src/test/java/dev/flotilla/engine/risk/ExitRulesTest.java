package dev.flotilla.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stop-loss every position has, the take-profit (6% by default) and the trailing stop (off by default). */
class ExitRulesTest {

    static final Position P = new Position(1, "a", Symbol.parse("BTC/USDT"), BigDecimal.ONE, new BigDecimal("100"),
            BigDecimal.ZERO, new BigDecimal("97"), new BigDecimal("100"), 0, "a-000001");

    private static ExitRules.Exit at(String price, BotLimits l) {
        return ExitRules.at(P, new BigDecimal(price), l, "price");
    }

    @Test
    void stopAndTakeProfitFireAtTheirLevels() {
        assertThat(at("97.01", BotLimits.DEFAULTS)).isNull();
        assertThat(at("97", BotLimits.DEFAULTS).purpose()).isEqualTo("STOP_LOSS");
        assertThat(at("105.99", BotLimits.DEFAULTS)).isNull();
        assertThat(at("106", BotLimits.DEFAULTS)).isEqualTo(new ExitRules.Exit("TAKE_PROFIT",
                "price 106 at or above take-profit 106.00000000"));
        assertThat(at("150", BotLimits.DEFAULTS.with(Map.of("takeProfit", "0")))).isNull();
    }

    @Test
    void theTrailingStopFollowsTheHighestPriceAndNeverLoosens() {
        BotLimits trailing = BotLimits.DEFAULTS.with(Map.of("trailingStop", "0.05"));
        assertThat(ExitRules.trail(new BigDecimal("97"), new BigDecimal("100"), trailing)).isEqualByComparingTo("97");
        assertThat(ExitRules.trail(new BigDecimal("97"), new BigDecimal("110"), trailing)).isEqualByComparingTo("104.5");
        assertThat(ExitRules.trail(new BigDecimal("104.5"), new BigDecimal("105"), trailing)).isEqualByComparingTo("104.5");
        assertThat(ExitRules.trail(new BigDecimal("97"), new BigDecimal("200"), BotLimits.DEFAULTS)).isEqualByComparingTo("97");
    }
}
