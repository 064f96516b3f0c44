package dev.flotilla.engine.model;

import java.math.BigDecimal;

/**
 * What the store keeps of the risk of one bot, or of the fleet, between decisions.
 *
 * @param scope            a bot id, or {@link #FLEET}
 * @param reason           why the state is not ACTIVE, or null
 * @param day              the UTC day (days since the epoch) that dayOpenEquity and the daily latch belong to
 * @param dailyLossLatched the daily loss limit fired today; it lifts at the next 00:00 UTC
 * @param drawdownLatched  the drawdown breaker fired; it holds until an operator resets it
 * @param peakEquity       the fleet's aggregate peak; null for a bot, whose peak is in {@link BotState}
 */
public record RiskState(String scope, TradingState state, String reason, long day, BigDecimal dayOpenEquity,
                        boolean dailyLossLatched, boolean drawdownLatched, BigDecimal peakEquity) {

    public static final String FLEET = "*";

    public boolean fleet() {
        return FLEET.equals(scope);
    }

    public RiskState withState(TradingState s, String why) {
        return new RiskState(scope, s, why, day, dayOpenEquity, dailyLossLatched, drawdownLatched, peakEquity);
    }

    public RiskState newDay(long d, BigDecimal openEquity) {
        return new RiskState(scope, state, reason, d, openEquity, false, drawdownLatched, peakEquity);
    }

    public RiskState withDailyLoss(boolean latched) {
        return new RiskState(scope, state, reason, day, dayOpenEquity, latched, drawdownLatched, peakEquity);
    }

    public RiskState withDrawdown(boolean latched) {
        return new RiskState(scope, state, reason, day, dayOpenEquity, dailyLossLatched, latched, peakEquity);
    }

    public RiskState withPeak(BigDecimal peak) {
        return new RiskState(scope, state, reason, day, dayOpenEquity, dailyLossLatched, drawdownLatched, peak);
    }
}
