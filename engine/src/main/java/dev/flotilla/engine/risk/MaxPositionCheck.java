package dev.flotilla.engine.risk;

import static dev.flotilla.engine.risk.Numbers.json;
import static dev.flotilla.engine.risk.Numbers.money;
import static dev.flotilla.engine.risk.Numbers.pct;

import java.math.BigDecimal;

/** A bot's largest position, as a share of its capital. */
final class MaxPositionCheck implements RiskCheck {

    @Override
    public Scope scope() {
        return Scope.ENTRIES;
    }

    @Override
    public Verdict check(Subject s) {
        BigDecimal value = s.value();
        BigDecimal share = s.limits().maxPosition();
        BigDecimal max = share.multiply(s.bot().capital());
        if (value.compareTo(max) < 0) return null;
        return Verdict.refuse(ReasonCode.MAX_POSITION, "position " + money(value) + " would reach " + pct(share)
                + " of the bot's capital (" + money(max) + ")", json("value", value, "limit", max));
    }
}
