package dev.flotilla.engine.model;

/** One stream of candles: a symbol at a timeframe. Bots on the same feed share its data. */
public record Feed(Symbol symbol, Timeframe timeframe) implements Comparable<Feed> {
    @Override
    public int compareTo(Feed o) {
        int c = symbol.compareTo(o.symbol);
        return c != 0 ? c : timeframe.compareTo(o.timeframe);
    }

    @Override
    public String toString() {
        return symbol + " " + timeframe;
    }
}
