package dev.flotilla.engine.risk;

import static dev.flotilla.engine.risk.Numbers.json;
import static dev.flotilla.engine.risk.Numbers.money;

import java.math.BigDecimal;

/** The portfolio drawdown: aggregate equity far enough below its peak puts the fleet in REDUCING (exits only). */
final class PortfolioDrawdownCheck implements RiskCheck {

    @Override
    public Scope scope() {
        return Scope.ENTRIES;
    }

    @Override
    public Verdict check(Subject s) {
        var f = s.fleet();
        BigDecimal equity = s.exposure().equity();
        BigDecimal limit = s.portfolio().portfolioDrawdown();
        if (!f.drawdownLatched() && !Breakers.reached(equity, f.peakEquity(), limit)) return null;
        return Verdict.refuse(ReasonCode.PORTFOLIO_DRAWDOWN, "the fleet is REDUCING: aggregate equity " + money(equity)
                + " against its peak " + money(f.peakEquity()), json("equity", equity, "peak", f.peakEquity(), "limit", limit));
    }
}
