package dev.flotilla.engine.risk;

import static dev.flotilla.engine.risk.Numbers.json;
import static dev.flotilla.engine.risk.Numbers.money;

import java.math.BigDecimal;

/** The largest value of one order. */
final class MaxOrderValueCheck implements RiskCheck {

    @Override
    public Scope scope() {
        return Scope.ENTRIES;
    }

    @Override
    public Verdict check(Subject s) {
        BigDecimal value = s.value();
        BigDecimal max = s.portfolio().maxOrderValue();
        if (value.compareTo(max) < 0) return null;
        return Verdict.refuse(ReasonCode.MAX_ORDER_VALUE, "order value " + money(value) + " would reach the maximum "
                + money(max), json("value", value, "limit", max));
    }
}
