package dev.flotilla.engine.config;

import java.math.BigDecimal;

/**
 * How the engine runs. Numbers are the defaults of the product; every one can be changed.
 *
 * @param speed           engine seconds per wall second; {@link #MAX_SPEED} runs as fast as the machine allows
 * @param staggerMs       delay between the fetches of successive feeds after a candle close, for a market that does not
 *                        pace its own requests (the sandbox); on Binance the weight budget paces them and this is 0
 * @param markIntervalMs  period of the mark-to-market loop that enforces stops between ticks
 * @param snapshotIntervalMs period of the stored equity snapshots
 * @param window          closed candles each strategy sees
 * @param positionFraction share of a bot's cash an entry uses
 * @param stopLoss        default stop distance below entry, as a fraction
 * @param slippageBps     paper fills: slippage in basis points
 * @param feeRate         paper fills: taker fee as a fraction of the notional
 */
public record EngineConfig(double speed, long staggerMs, long markIntervalMs, long snapshotIntervalMs, int window,
                           BigDecimal positionFraction, BigDecimal stopLoss, BigDecimal slippageBps, BigDecimal feeRate) {

    public static final double MAX_SPEED = Double.POSITIVE_INFINITY;

    public static EngineConfig defaults() {
        return new EngineConfig(60, 2_000, 10_000, 3_600_000, 300, new BigDecimal("0.20"), new BigDecimal("0.03"),
                new BigDecimal("5"), new BigDecimal("0.001"));
    }

    public EngineConfig withSpeed(double s) {
        return new EngineConfig(s, staggerMs, markIntervalMs, snapshotIntervalMs, window, positionFraction, stopLoss,
                slippageBps, feeRate);
    }

    public EngineConfig withStagger(long ms) {
        return new EngineConfig(speed, ms, markIntervalMs, snapshotIntervalMs, window, positionFraction, stopLoss,
                slippageBps, feeRate);
    }

    public boolean simulated() {
        return speed != 1;
    }

    public String speedLabel() {
        return speed == MAX_SPEED ? "max" : (speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed));
    }
}
