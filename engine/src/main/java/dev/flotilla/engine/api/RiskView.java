package dev.flotilla.engine.api;

import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.TradingState;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The risk picture of the fleet for the console: trading states, the kill switch, exposure and drawdown with the
 * portfolio limits they are held to. Immutable.
 *
 * @param exposure      open positions at their last price plus entries on their way to the broker
 * @param peakEquity    the aggregate peak the portfolio drawdown is measured from
 * @param dayOpenEquity aggregate equity at the start of the UTC day
 * @param limits        the portfolio's limits
 */
public record RiskView(TradingState fleetState, String fleetReason, boolean killSwitch, BigDecimal capital,
                       BigDecimal equity, BigDecimal exposure, SortedMap<Symbol, BigDecimal> exposureBySymbol,
                       BigDecimal peakEquity, BigDecimal dayOpenEquity, LimitSet limits, Map<String, BotRisk> bots) {

    /**
     * A bot's own trading state (the state that applies to it is the stricter of this and the fleet's) and the
     * counters behind its limits.
     *
     * @param sizeFactor the share of its normal size the consecutive-loss cooldown allows now
     */
    public record BotRisk(TradingState state, String reason, int tradesToday, int lossesInARow, BigDecimal sizeFactor) {
    }

    /** Before the engine has a risk picture. */
    public static final RiskView NONE = new RiskView(TradingState.ACTIVE, null, false, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, new TreeMap<>(), BigDecimal.ZERO, BigDecimal.ZERO, LimitSet.NONE, Map.of());

    /** Exposure as a share of aggregate capital. */
    public BigDecimal exposureShare() {
        return capital.signum() == 0 ? BigDecimal.ZERO : exposure.divide(capital, MathContext.DECIMAL64);
    }

    /** How far aggregate equity is below its peak, as a share of the peak (0 at or above it). */
    public BigDecimal drawdown() {
        if (peakEquity.signum() == 0 || equity.compareTo(peakEquity) >= 0) return BigDecimal.ZERO;
        return peakEquity.subtract(equity).divide(peakEquity, MathContext.DECIMAL64);
    }
}
