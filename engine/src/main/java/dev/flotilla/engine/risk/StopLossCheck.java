package dev.flotilla.engine.risk;

import static dev.flotilla.engine.risk.Numbers.json;

import java.math.BigDecimal;

/** Every entry carries a stop below its price, never wider than the bot's stop-loss limit: a wider one is tightened to it. */
final class StopLossCheck implements RiskCheck {

    @Override
    public Scope scope() {
        return Scope.ENTRIES;
    }

    @Override
    public Verdict check(Subject s) {
        BigDecimal ref = s.intent().refPrice();
        BigDecimal stop = s.intent().stopPrice();
        if (stop == null || stop.compareTo(ref) >= 0) {
            return Verdict.refuse(ReasonCode.NO_STOP_LOSS, "the entry has no stop below its price " + ref.toPlainString(),
                    json("price", ref, "stop", stop == null ? "none" : stop));
        }
        BigDecimal held = stop.max(ExitRules.widestStop(ref, s.limits()));
        return held.equals(stop) ? null : Verdict.stop(held);
    }
}
