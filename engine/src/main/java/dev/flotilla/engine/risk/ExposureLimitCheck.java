package dev.flotilla.engine.risk;

import static dev.flotilla.engine.risk.Numbers.json;
import static dev.flotilla.engine.risk.Numbers.money;
import static dev.flotilla.engine.risk.Numbers.pct;

import java.math.BigDecimal;

/** The fleet's total exposure, as a share of aggregate capital. */
final class ExposureLimitCheck implements RiskCheck {

    @Override
    public Scope scope() {
        return Scope.ENTRIES;
    }

    @Override
    public Verdict check(Subject s) {
        var x = s.exposure();
        BigDecimal value = s.value();
        BigDecimal share = s.portfolio().maxExposure();
        BigDecimal max = share.multiply(x.capital());
        if (x.total().add(value).compareTo(max) < 0) return null;
        return Verdict.refuse(ReasonCode.EXPOSURE_LIMIT, "exposure " + money(x.total()) + " + order " + money(value)
                + " would reach " + pct(share) + " of aggregate capital (" + money(max) + ")",
                json("held", x.total(), "value", value, "capital", x.capital(), "limit", share));
    }
}
