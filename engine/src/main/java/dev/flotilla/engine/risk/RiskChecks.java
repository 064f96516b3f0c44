package dev.flotilla.engine.risk;

import java.util.List;

/**
 * The registered checks, in the order they run: the trading states and brakes first, then the bot's own limits,
 * the sizers, then the portfolio's limits on what is left. A new check is one class and one line here.
 */
public final class RiskChecks {

    private RiskChecks() {
    }

    public static final List<RiskCheck> ALL = List.of(
            new KillSwitchCheck(),
            new DrawdownBreakerCheck(),
            new PortfolioDrawdownCheck(),
            new FleetDailyLossCheck(),
            new DailyLossCheck(),
            new PositionOpenCheck(),
            new StopLossCheck(),
            new PriceCollarCheck(),
            new MaxTradesPerDayCheck(),
            new CooldownSizer(),
            new CorrelationCheck(),
            new SizeTooSmallCheck(),
            new MaxPositionCheck(),
            new MaxOrderValueCheck(),
            new MaxSymbolValueCheck(),
            new AssetConcentrationCheck(),
            new ExposureLimitCheck());
}
