package dev.flotilla.engine.risk;

import static dev.flotilla.engine.risk.Numbers.json;
import static dev.flotilla.engine.risk.Numbers.money;

import java.math.BigDecimal;

/**
 * A bot's drawdown breaker: equity far enough below its peak halts the bot, exits included, until an operator resets it.
 * The operator's own closes pass, as they pass the kill switch.
 */
final class DrawdownBreakerCheck implements RiskCheck {

    @Override
    public Scope scope() {
        return Scope.ALL;
    }

    @Override
    public Verdict check(Subject s) {
        if (s.asked().byOperator()) return null;
        var bot = s.bot();
        BigDecimal peak = bot.state().peakEquity();
        BigDecimal limit = s.limits().drawdown();
        if (!s.botRisk().drawdownLatched() && !Breakers.reached(bot.equity(), peak, limit)) return null;
        return Verdict.refuse(ReasonCode.DRAWDOWN_BREAKER, "the bot is HALTED by its drawdown breaker: equity "
                + money(bot.equity()) + ", peak " + money(peak) + "; an operator resets it",
                json("equity", bot.equity(), "peak", peak, "limit", limit));
    }
}
