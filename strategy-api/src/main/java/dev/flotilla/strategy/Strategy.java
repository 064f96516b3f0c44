package dev.flotilla.strategy;

import org.ta4j.core.BarSeries;

/**
 * A trading rule of one bot with its parameters, not yet tied to any bars. Binding it builds the rule's ta4j
 * indicators once over a series that then grows by one bar per candle close, so their caches carry the work of
 * every earlier close instead of it being redone at each.
 */
public interface Strategy {

    /**
     * The rule's indicators built over {@code series}. The result is only exact when it is primed at every bar of
     * the series in order (see {@link BoundStrategy#prime}), as recursive indicators (EMA, RSI, ATR, MACD) carry
     * their past in their caches.
     */
    BoundStrategy bind(BarSeries series);
}
