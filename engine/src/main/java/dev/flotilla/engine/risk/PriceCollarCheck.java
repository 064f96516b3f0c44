package dev.flotilla.engine.risk;

import static dev.flotilla.engine.risk.Numbers.json;
import static dev.flotilla.engine.risk.Numbers.pct;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The price collar: no order priced too far from the last trade price, exits included. */
final class PriceCollarCheck implements RiskCheck {

    @Override
    public Scope scope() {
        return Scope.ALL;
    }

    @Override
    public Verdict check(Subject s) {
        BigDecimal last = s.lastPrice();
        if (last == null) return null;  // no price seen yet since the start: nothing to compare with
        BigDecimal price = s.intent().refPrice();
        BigDecimal limit = s.portfolio().priceCollar();
        BigDecimal off = price.subtract(last).abs().divide(last, MathContext.DECIMAL64);
        if (off.compareTo(limit) < 0) return null;
        return Verdict.refuse(ReasonCode.PRICE_COLLAR, "price " + price.toPlainString() + " is " + pct(off)
                + " from the last trade price " + last.toPlainString() + " (collar " + pct(limit) + ")",
                json("price", price, "last", last, "off", off.setScale(6, RoundingMode.HALF_EVEN), "limit", limit));
    }
}
