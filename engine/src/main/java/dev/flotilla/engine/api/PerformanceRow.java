package dev.flotilla.engine.api;

import java.math.BigDecimal;

/**
 * The performance of a bot, a strategy type, a symbol or the fleet over a period: its trades that closed in it and its
 * equity snapshots in it. A ratio that does not exist (no trade, no losing trade) is NaN.
 *
 * @param key          the bot id, the strategy type, the symbol (as BTC/USDT) or "fleet"
 * @param bots         how many bots the row adds up
 * @param winRate      share of its trades that made money, 0 to 1
 * @param realizedPnl  the trades' PnL net of both fees, in the quote currency
 * @param fees         the fees the trades paid
 * @param profitFactor gains over losses
 * @param maxDrawdown  deepest fall of its (summed) equity from a peak, as a fraction of that peak; NaN without equity
 * @param timeInMarket share of the period with one of its positions open
 */
public record PerformanceRow(String key, int bots, int trades, double winRate, BigDecimal realizedPnl, BigDecimal fees,
                             double profitFactor, double maxDrawdown, double timeInMarket) {
}
