package dev.flotilla.engine.api;

import java.math.BigDecimal;

/**
 * The realized PnL of the trades that closed in one UTC day, ISO week (Monday to Sunday) or month.
 *
 * @param label as 2026-01-05, 2026-W02 or 2026-01
 * @param start the first instant of the day, week or month
 */
public record PnlBucket(String label, long start, int trades, BigDecimal pnl) {
}
