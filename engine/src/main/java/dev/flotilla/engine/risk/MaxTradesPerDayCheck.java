package dev.flotilla.engine.risk;

import static dev.flotilla.engine.risk.Numbers.json;



/** A bot's entries per UTC day. */
final class MaxTradesPerDayCheck implements RiskCheck {

    @Override
    public Scope scope() {
        return Scope.ENTRIES;
    }

    @Override
    public Verdict check(Subject s) {
        int today = s.counts().tradesToday();
        int limit = s.limits().maxTradesPerDay();
        if (today < limit) return null;
        return Verdict.refuse(ReasonCode.MAX_TRADES_PER_DAY, today + " entries today; the limit is " + limit,
                json("tradesToday", today, "limit", limit));
    }
}
