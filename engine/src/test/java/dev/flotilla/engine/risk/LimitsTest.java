package dev.flotilla.engine.risk;

import dev.flotilla.engine.store.OnBothStores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.model.ParamChange;
import dev.flotilla.engine.model.Symbol;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invalid limits are refused with a message naming the limit and its range; stored limits stay as they were. */
@OnBothStores
class LimitsTest {

    @TempDir
    Path dir;

    private static void refused(String name, String value, String... messageParts) {
        assertThatThrownBy(() -> {
            if (BotLimits.RULES.stream().anyMatch(r -> r.name().equals(name))) BotLimits.DEFAULTS.with(Map.of(name, value));
            else PortfolioLimits.DEFAULTS.with(Map.of(name, value));
        }).isInstanceOf(InvalidLimitException.class)
                .satisfies(e -> assertThat(((InvalidLimitException) e).limit()).isEqualTo(name))
                .hasMessageStartingWith(name + " ")
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void theDefaultsAreTheProducts() {
        BotLimits b = BotLimits.DEFAULTS;
        assertThat(b.values()).containsExactly(Map.entry("stopLoss", "0.03"), Map.entry("takeProfit", "0.06"),
                Map.entry("trailingStop", "0"), Map.entry("maxPosition", "0.25"), Map.entry("maxTradesPerDay", "20"),
                Map.entry("drawdown", "0.2"), Map.entry("dailyLoss", "0.05"), Map.entry("cooldownAfter", "3"));
        assertThat(PortfolioLimits.DEFAULTS.values()).containsExactly(Map.entry("maxExposure", "0.5"),
                Map.entry("maxAsset", "0.25"), Map.entry("portfolioDrawdown", "0.15"), Map.entry("fleetDailyLoss", "0.03"),
                Map.entry("priceCollar", "0.02"), Map.entry("maxOrderValue", "5000"), Map.entry("maxSymbolValue", "25000"));
    }

    @Test
    void everyLimitOfARecordHasOneSpecInComponentOrderAndItsDefaultIsTheRecordsDefault() {
        assertThat(BotLimits.SPECS).extracting(LimitSpec::name).containsExactly(
                Arrays.stream(BotLimits.class.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new));
        assertThat(PortfolioLimits.SPECS).extracting(LimitSpec::name).containsExactly(
                Arrays.stream(PortfolioLimits.class.getRecordComponents()).map(RecordComponent::getName)
                        .filter(n -> !n.equals("symbolValues")).toArray(String[]::new));
        for (LimitSpec s : BotLimits.SPECS) {
            assertThat(BotLimits.DEFAULTS.values().get(s.name())).isEqualTo(s.defaultValue().toPlainString());
            assertThat(s.label()).isNotBlank();
            assertThat(s.meaning()).isNotBlank();
        }
        for (LimitSpec s : PortfolioLimits.SPECS) {
            assertThat(PortfolioLimits.DEFAULTS.values().get(s.name())).isEqualTo(s.defaultValue().toPlainString());
        }
        assertThat(BotLimits.SPECS.getFirst().rule().unit()).isEqualTo("%");
        assertThat(BotLimits.SPECS.get(4).rule().unit()).isEqualTo("count");
        assertThat(PortfolioLimits.SPECS.getLast().rule().unit()).isEqualTo("USDT");
        assertThatThrownBy(() -> LimitSpec.fraction("stopLoss", "Stop-loss", "0.6", "0.5", "too wide a default"))
                .isInstanceOf(InvalidLimitException.class).hasMessageContaining("at most 0.5");
    }

    @Test
    void aChangedLimitKeepsTheOthersAndThePerSymbolExceptions() {
        PortfolioLimits p = PortfolioLimits.DEFAULTS.with(Map.of("maxSymbolValue.ETH/USDT", "700", "maxOrderValue", "100"));
        assertThat(p.maxOrderValue()).isEqualByComparingTo("100");
        assertThat(p.maxExposure()).isEqualByComparingTo("0.5");
        assertThat(p.with(Map.of("maxAsset", "0.1")).maxSymbolValue(Symbol.parse("ETH/USDT"))).isEqualByComparingTo("700");
        assertThat(p.values()).containsEntry("maxSymbolValue.ETH/USDT", "700");
        assertThat(BotLimits.DEFAULTS.with(Map.of("cooldownAfter", "4")))
                .isEqualTo(new BotLimits(new BigDecimal("0.03"), new BigDecimal("0.06"), BigDecimal.ZERO,
                        new BigDecimal("0.25"), 20, new BigDecimal("0.2"), new BigDecimal("0.05"), 4));
    }

    @Test
    void negativeZeroOverAHundredPercentAStopWiderThanHalfAndTextAreRefused() {
        refused("dailyLoss", "-0.05", "above 0 and at most 1 (100%)", "got -0.05");
        refused("stopLoss", "0", "above 0 and at most 0.5 (50%)", "got 0");
        refused("maxPosition", "1.5", "at most 1 (100%)", "got 1.5");
        refused("stopLoss", "0.6", "at most 0.5 (50%)", "got 0.6");
        refused("stopLoss", "three percent", "not a number", "'three percent'");
        refused("trailingStop", "0.51", "from 0 (off) to 0.5 (50%)");
        refused("maxTradesPerDay", "0", "a whole number from 1 to 1000");
        refused("maxTradesPerDay", "2.5", "a whole number from 1 to 1000");
        refused("cooldownAfter", "-1", "a whole number from 1 to 100");
        refused("maxExposure", "1.01", "at most 1 (100%)");
        refused("priceCollar", "-0.02", "above 0");
        refused("maxOrderValue", "0", "an amount in USDT above 0");
        refused("maxOrderValue", "NaN", "not a number");
        refused("maxSymbolValue.BTC/USDT", "-5", "an amount in USDT above 0");
        assertThatThrownBy(() -> BotLimits.DEFAULTS.with(Map.of("stoploss", "0.02")))
                .isInstanceOf(InvalidLimitException.class).hasMessageContaining("there is no limit 'stoploss'")
                .hasMessageContaining("stopLoss");
        assertThatThrownBy(() -> PortfolioLimits.DEFAULTS.with(Map.of("maxSymbolValue.NOT A SYMBOL", "5")))
                .isInstanceOf(InvalidLimitException.class).hasMessageContaining("symbol must look like BTC/USDT");
    }

    @Test
    void zeroTurnsOffTheOptionalProtectionsAndValuesAreReadAsTyped() {
        BotLimits b = BotLimits.DEFAULTS.with(Map.of("takeProfit", "0", "trailingStop", "0.05", "maxTradesPerDay", "5.0"));
        assertThat(b.takeProfit()).isEqualByComparingTo("0");
        assertThat(b.trailingStop()).isEqualByComparingTo("0.05");
        assertThat(b.maxTradesPerDay()).isEqualTo(5);
        PortfolioLimits p = PortfolioLimits.DEFAULTS.with(Map.of("maxSymbolValue.btc/usdt", " 1e3 "));
        assertThat(p.maxSymbolValue(Symbol.parse("BTC/USDT"))).isEqualByComparingTo("1000");
        assertThat(p.maxSymbolValue(Symbol.parse("ETH/USDT"))).isEqualByComparingTo("25000");
        assertThat(p.with(Map.of("maxSymbolValue.BTC/USDT", "")).symbolValues()).isEmpty();
    }

    @Test
    void aRefusedChangeLeavesTheStoredLimitsAsTheyWere() {
        try (RiskFixture f = RiskFixture.open(dir, RiskFixture.bots("BTC/USDT", "ETH/USDT"), PriceHistory.NONE)) {
            f.gateway.setBotLimits("a", Map.of("stopLoss", "0.02"), 0, ParamChange.CONSOLE);
            f.gateway.setPortfolioLimits(Map.of("maxExposure", "0.4"));
            var stored = f.records.limits();
            Map<String, String> mixed = new LinkedHashMap<>();
            mixed.put("maxPosition", "0.1");  // valid, but goes with an invalid one: nothing is applied
            mixed.put("stopLoss", "0.75");
            assertThatThrownBy(() -> f.gateway.setBotLimits("a", mixed, 0, ParamChange.CONSOLE)).isInstanceOf(InvalidLimitException.class)
                    .hasMessageContaining("stopLoss must be a number above 0 and at most 0.5 (50%)");
            assertThatThrownBy(() -> f.gateway.setPortfolioLimits(Map.of("maxAsset", "abc")))
                    .isInstanceOf(InvalidLimitException.class).hasMessageContaining("maxAsset");
            assertThat(f.records.limits()).isEqualTo(stored);
            assertThat(f.gateway.limits("a").stopLoss()).isEqualByComparingTo("0.02");
            assertThat(f.gateway.limits("a").maxPosition()).isEqualByComparingTo("0.25");
            assertThat(f.gateway.portfolioLimits().maxExposure()).isEqualByComparingTo(new BigDecimal("0.4"));
        }
    }
}
