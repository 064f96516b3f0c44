package dev.flotilla.engine.api;

import java.math.BigDecimal;
import java.util.List;

/** What a new bot may be made of: the strategy types, the symbols the market serves, the timeframes. */
public record BotCatalog(List<StrategyInfo> strategies, List<String> symbols, List<String> timeframes,
                         BigDecimal defaultCapital, BigDecimal maxCapital) {
}
