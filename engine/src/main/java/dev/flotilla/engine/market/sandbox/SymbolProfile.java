package dev.flotilla.engine.market.sandbox;

import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;
import java.util.List;

/**
 * How one sandbox symbol behaves: its starting price, daily volatility (of log returns), tick size and typical
 * daily turnover in USDT.
 */
record SymbolProfile(Symbol symbol, double startPrice, double dailyVol, int tickDecimals, double dailyQuoteVolume) {

    static final List<SymbolProfile> DEFAULTS = List.of(
            of("BTC", 95_000, 0.025, 2, 1_500e6),
            of("ETH", 3_300, 0.035, 2, 800e6),
            of("SOL", 190, 0.050, 2, 400e6),
            of("BNB", 650, 0.035, 2, 100e6),
            of("XRP", 2.3, 0.050, 4, 300e6),
            of("ADA", 0.9, 0.055, 4, 60e6),
            of("DOGE", 0.32, 0.060, 5, 150e6),
            of("AVAX", 35, 0.055, 3, 40e6),
            of("LINK", 20, 0.050, 3, 50e6),
            of("DOT", 6.5, 0.050, 3, 25e6),
            of("LTC", 100, 0.040, 3, 40e6),
            of("TRX", 0.25, 0.035, 5, 40e6),
            of("ATOM", 6, 0.050, 3, 15e6));

    private static SymbolProfile of(String base, double price, double dailyVol, int tickDecimals, double quoteVolume) {
        return new SymbolProfile(new Symbol(base, "USDT"), price, dailyVol, tickDecimals, quoteVolume);
    }

    BigDecimal tickSize() {
        return BigDecimal.valueOf(1, tickDecimals);
    }

    /** Ticks per unit of price; a power of ten, so {@code ticks / ticksPerUnit()} is the nearest double. */
    double ticksPerUnit() {
        return Math.pow(10, tickDecimals);
    }

    /** Never below one tick, so no price can reach zero. */
    long toTicks(double price) {
        return Math.max(1, Math.round(price * ticksPerUnit()));
    }

    double price(long ticks) {
        return ticks / ticksPerUnit();
    }

    BigDecimal decimal(long ticks) {
        return BigDecimal.valueOf(ticks, tickDecimals);
    }

    /** Average traded base quantity per minute at the starting price. */
    double minuteVolume() {
        return dailyQuoteVolume / 1440 / startPrice;
    }

    /**
     * Volumes are whole multiples of a power of two so that sums of candle volumes are exact doubles, which makes
     * a 1h candle equal to the aggregate of its 15m candles bit for bit. The lot is about 1/10,000 of a minute's
     * volume, small enough to be invisible.
     */
    double volumeLot() {
        int exponent = Math.getExponent(minuteVolume() / 10_000);
        return Math.scalb(1.0, Math.clamp(exponent, -10, 0));
    }
}
