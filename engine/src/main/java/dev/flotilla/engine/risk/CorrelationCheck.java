package dev.flotilla.engine.risk;

import java.math.BigDecimal;

/** The correlation sizer: a position in an asset that moves with what the fleet holds is made smaller (25% to 100%). */
final class CorrelationCheck implements RiskCheck {

    @Override
    public Scope scope() {
        return Scope.ENTRIES;
    }

    @Override
    public Verdict check(Subject s) {
        CorrelationSizer.Result corr = s.correlation();
        if (corr.factor().compareTo(BigDecimal.ONE) >= 0) return null;
        return Verdict.scale(corr.factor(), "; size x" + LimitRule.plain(corr.factor()).toPlainString()
                + " for correlation " + String.format("%.2f", corr.correlation()) + " with held exposure");
    }
}
