package dev.flotilla.strategy;


/**
 * A strategy's answer at one candle close.
 *
 * @param signal    enter, exit or hold
 * @param stopPrice a stop level the strategy wants (an ATR-based initial stop on entry, a trailing level
 *                  while in a position), or NaN to leave the engine's default stop-loss in charge. The engine
 *                  only ever tightens a stop, never loosens it.
 * @param reason    a short human-readable reason for the log, e.g. "EMA 9 crossed above EMA 21, RSI 48"
 */
public record Decision(Signal signal, double stopPrice, String reason) {
    public static final Decision HOLD = new Decision(Signal.HOLD, Double.NaN, "");

    public static Decision enter(String reason) {
        return new Decision(Signal.ENTER, Double.NaN, reason);
    }

    public static Decision exit(String reason) {
        return new Decision(Signal.EXIT, Double.NaN, reason);
    }

    public Decision withStop(double stop) {
        return new Decision(signal, stop, reason);
    }

    public boolean hasStop() {
        return !Double.isNaN(stopPrice);
    }
}
