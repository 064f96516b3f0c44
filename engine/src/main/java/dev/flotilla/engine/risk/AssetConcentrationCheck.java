package dev.flotilla.engine.risk;

import static dev.flotilla.engine.risk.Numbers.json;
import static dev.flotilla.engine.risk.Numbers.money;
import static dev.flotilla.engine.risk.Numbers.pct;

import java.math.BigDecimal;

/** The fleet's exposure to one asset, as a share of aggregate capital. */
final class AssetConcentrationCheck implements RiskCheck {

    @Override
    public Scope scope() {
        return Scope.ENTRIES;
    }

    @Override
    public Verdict check(Subject s) {
        var sym = s.intent().symbol();
        var x = s.exposure();
        BigDecimal value = s.value();
        BigDecimal share = s.portfolio().maxAsset();
        BigDecimal max = share.multiply(x.capital());
        if (x.of(sym).add(value).compareTo(max) < 0) return null;
        return Verdict.refuse(ReasonCode.ASSET_CONCENTRATION, sym + " exposure " + money(x.of(sym)) + " + order "
                + money(value) + " would reach " + pct(share) + " of aggregate capital (" + money(max) + ")",
                json("held", x.of(sym), "value", value, "capital", x.capital(), "limit", share));
    }
}
