package dev.flotilla.engine.risk;

import static dev.flotilla.engine.risk.Numbers.json;
import static dev.flotilla.engine.risk.Numbers.money;

import java.math.BigDecimal;

/** The fleet's daily-loss breaker: a loss of the day's share of aggregate equity puts the fleet in REDUCING until 00:00 UTC. */
final class FleetDailyLossCheck implements RiskCheck {

    @Override
    public Scope scope() {
        return Scope.ENTRIES;
    }

    @Override
    public Verdict check(Subject s) {
        var f = s.fleet();
        BigDecimal equity = s.exposure().equity();
        BigDecimal limit = s.portfolio().fleetDailyLoss();
        if (!f.dailyLossLatched() && !Breakers.reached(equity, f.dayOpenEquity(), limit)) return null;
        return Verdict.refuse(ReasonCode.FLEET_DAILY_LOSS, "the fleet is REDUCING: aggregate equity " + money(equity)
                + " against the day's opening " + money(f.dayOpenEquity()), json("equity", equity,
                "dayOpen", f.dayOpenEquity(), "limit", limit));
    }
}
