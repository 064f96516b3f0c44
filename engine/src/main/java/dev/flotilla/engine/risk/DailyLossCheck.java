package dev.flotilla.engine.risk;

import static dev.flotilla.engine.risk.Numbers.json;
import static dev.flotilla.engine.risk.Numbers.money;
import static dev.flotilla.engine.risk.Numbers.pct;

import java.math.BigDecimal;

/** A bot's daily loss limit: a loss of its share of the day's opening equity blocks entries until 00:00 UTC. */
final class DailyLossCheck implements RiskCheck {

    @Override
    public Scope scope() {
        return Scope.ENTRIES;
    }

    @Override
    public Verdict check(Subject s) {
        var r = s.botRisk();
        BigDecimal equity = s.bot().equity();
        BigDecimal limit = s.limits().dailyLoss();
        if (!r.dailyLossLatched() && !Breakers.reached(equity, r.dayOpenEquity(), limit)) return null;
        return Verdict.refuse(ReasonCode.DAILY_LOSS_LIMIT, "equity " + money(equity) + " against the day's opening "
                + money(r.dayOpenEquity()) + " (limit " + pct(limit) + "); entries resume at 00:00 UTC",
                json("equity", equity, "dayOpen", r.dayOpenEquity(), "limit", limit));
    }
}
