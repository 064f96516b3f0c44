package dev.flotilla.engine.fleet;

import dev.flotilla.engine.model.Candle;

/** Rejects candles no exchange should send: misaligned, non-positive, or with high below low. */
public final class CandleCheck {
    private CandleCheck() {
    }

    public static String problem(Candle c, long tfMillis) {
        if (c.openTime() % tfMillis != 0) return "candle open time " + c.openTime() + " is not on the timeframe grid";
        if (!(c.low() > 0) || !(c.open() > 0) || !(c.close() > 0) || !(c.high() > 0)) {
            return "candle at " + c.openTime() + " has a non-positive price";
        }
        if (c.high() < c.low()) return "candle at " + c.openTime() + " has high below low";
        if (c.open() > c.high() || c.open() < c.low() || c.close() > c.high() || c.close() < c.low()) {
            return "candle at " + c.openTime() + " has open or close outside high-low";
        }
        if (c.volume() < 0) return "candle at " + c.openTime() + " has negative volume";
        return null;
    }
}
