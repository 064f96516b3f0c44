package dev.flotilla.engine.strategy;

import dev.flotilla.strategy.StrategyType;
import dev.flotilla.strategy.ParamSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyRegistryTest {

    private final StrategyRegistry registry = StrategyRegistry.builtin();

    @Test
    void knowsTheSixBuiltInTypesInOrder() {
        assertThat(registry.types()).extracting(StrategyType::id).containsExactly(
                "ema-rsi", "rsi-reversion", "bollinger-reversion", "macd-momentum", "donchian-breakout", "atr-trend");
        assertThat(registry.types()).allSatisfy(type -> {
            assertThat(type.displayName()).isNotBlank();
            assertThat(type.params()).isNotEmpty().allSatisfy(p -> assertThat(p.description()).isNotBlank());
            assertThat(type.params()).extracting(ParamSpec::name).doesNotHaveDuplicates();
        });
    }

    @Test
    void anUnknownStrategyIsRejectedWithTheAllowedIds() {
        assertThatThrownBy(() -> registry.type("grid"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown strategy 'grid' (neither built in nor in an approved plug-in); allowed: ema-rsi, rsi-reversion, bollinger-reversion, "
                        + "macd-momentum, donchian-breakout, atr-trend");
        assertThatThrownBy(() -> registry.resolve("grid", Map.of())).hasMessageStartingWith("unknown strategy 'grid'");
    }

    @Test
    void fillsDefaultsForWhatIsNotGiven() {
        assertThat(registry.resolve("ema-rsi", Map.of("fastPeriod", 5.0))).containsExactly(
                Map.entry("fastPeriod", 5.0), Map.entry("slowPeriod", 21.0), Map.entry("rsiPeriod", 14.0),
                Map.entry("overbought", 70.0), Map.entry("oversold", 30.0));
        assertThat(registry.resolve("atr-trend", null)).containsEntry("atrMultiplier", 3.0).hasSize(4);
    }

    @Test
    void everyTypesDefaultsAreValid() {
        for (StrategyType type : registry.types()) {
            var resolved = registry.resolve(type.id(), Map.of());
            assertThat(resolved).as(type.id()).hasSize(type.params().size());
            assertThat(registry.resolve(type.id(), resolved)).isEqualTo(resolved);
        }
    }

    @Test
    void anUnknownParameterIsRejectedWithTheAllowedNames() {
        assertThatThrownBy(() -> registry.resolve("donchian-breakout", Map.of("period", 20.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown parameter 'period' for strategy 'donchian-breakout'; allowed: entryPeriod, exitPeriod");
    }

    @Test
    void anOutOfRangeValueIsRejectedWithTheRange() {
        assertThatThrownBy(() -> registry.resolve("ema-rsi", Map.of("slowPeriod", 500.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'slowPeriod' must be a whole number from 3 to 200, got 500");
        assertThatThrownBy(() -> registry.resolve("atr-trend", Map.of("atrMultiplier", 0.1)))
                .hasMessageContaining("parameter 'atrMultiplier' must be a number from 0.5 to 10, got 0.1");
        assertThatThrownBy(() -> registry.resolve("rsi-reversion", Map.of("oversold", Double.NaN)))
                .hasMessageContaining("parameter 'oversold'");
    }

    @Test
    void aFractionalPeriodIsRejected() {
        assertThatThrownBy(() -> registry.resolve("macd-momentum", Map.of("signalPeriod", 9.5)))
                .hasMessageContaining("parameter 'signalPeriod' must be a whole number from 2 to 50, got 9.5");
    }

    @Test
    void aMissingValueIsRejected() {
        var given = new HashMap<String, Double>();
        given.put("period", null);
        assertThatThrownBy(() -> registry.resolve("bollinger-reversion", given))
                .hasMessageContaining("parameter 'period' has no value");
    }

    @Test
    void crossFieldRulesAreEnforced() {
        assertThatThrownBy(() -> registry.resolve("ema-rsi", Map.of("fastPeriod", 30.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'fastPeriod' (30) must be less than 'slowPeriod' (21)");
        assertThatThrownBy(() -> registry.resolve("ema-rsi", Map.of("oversold", 50.0, "overbought", 50.0)))
                .hasMessage("parameter 'oversold' (50) must be less than 'overbought' (50)");
        assertThatThrownBy(() -> registry.resolve("macd-momentum", Map.of("fastPeriod", 26.0)))
                .hasMessage("parameter 'fastPeriod' (26) must be less than 'slowPeriod' (26)");
        assertThatThrownBy(() -> registry.resolve("rsi-reversion", Map.of("oversold", 40.0, "exitLevel", 35.0)))
                .hasMessage("parameter 'oversold' (40) must be less than 'exitLevel' (35)");
    }

    @Test
    void createValidatesItsParametersToo() {
        assertThatThrownBy(() -> registry.create("ema-rsi", Map.of("fastPeriod", 1.0)))
                .hasMessageContaining("parameter 'fastPeriod'");
        assertThat(registry.create("ema-rsi", Map.of())).isNotNull();
    }

    @Test
    void aTypeCannotBeRegisteredTwice() {
        var type = registry.type("ema-rsi");
        assertThatThrownBy(() -> new StrategyRegistry(List.of(type, type)))
                .hasMessage("strategy 'ema-rsi' is registered twice");
    }
}
