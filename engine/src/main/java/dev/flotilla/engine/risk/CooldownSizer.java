package dev.flotilla.engine.risk;

import java.math.BigDecimal;

/** The consecutive-loss cooldown: after a run of losses each further loss halves the size, never below 10%. */
final class CooldownSizer implements RiskCheck {

    @Override
    public Scope scope() {
        return Scope.ENTRIES;
    }

    @Override
    public Verdict check(Subject s) {
        int losses = s.counts().lossesInARow();
        BigDecimal factor = Cooldown.factor(losses, s.limits().cooldownAfter());
        if (factor.compareTo(BigDecimal.ONE) >= 0) return null;
        return Verdict.scale(factor, "; size x" + LimitRule.plain(factor).toPlainString() + " after " + losses
                + " losses in a row");
    }
}
