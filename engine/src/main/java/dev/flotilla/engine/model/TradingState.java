package dev.flotilla.engine.model;

/**
 * What the risk hierarchy lets a bot or the fleet do: everything, exits only, or no automated order at all.
 * Declared from loosest to strictest, so the state that applies to a bot is the stricter of its own and the fleet's.
 */
public enum TradingState {
    ACTIVE, REDUCING, HALTED;

    public TradingState stricter(TradingState other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
