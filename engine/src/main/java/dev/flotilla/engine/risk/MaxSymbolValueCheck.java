package dev.flotilla.engine.risk;

import static dev.flotilla.engine.risk.Numbers.json;
import static dev.flotilla.engine.risk.Numbers.money;

import java.math.BigDecimal;

/** The fleet's largest position value in one symbol. */
final class MaxSymbolValueCheck implements RiskCheck {

    @Override
    public Scope scope() {
        return Scope.ENTRIES;
    }

    @Override
    public Verdict check(Subject s) {
        var sym = s.intent().symbol();
        BigDecimal value = s.value();
        BigDecimal held = s.exposure().of(sym);
        BigDecimal max = s.portfolio().maxSymbolValue(sym);
        if (held.add(value).compareTo(max) < 0) return null;
        return Verdict.refuse(ReasonCode.MAX_SYMBOL_VALUE, sym + " position " + money(held) + " + order " + money(value)
                + " would reach the maximum " + money(max), json("held", held, "value", value, "limit", max));
    }
}
