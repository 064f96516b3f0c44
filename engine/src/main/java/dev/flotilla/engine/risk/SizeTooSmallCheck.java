package dev.flotilla.engine.risk;

import static dev.flotilla.engine.risk.Numbers.json;



/** After the sizers something must be left to buy. */
final class SizeTooSmallCheck implements RiskCheck {

    @Override
    public Scope scope() {
        return Scope.ENTRIES;
    }

    @Override
    public Verdict check(Subject s) {
        if (s.intent().qty().signum() > 0) return null;
        return Verdict.refuse(ReasonCode.SIZE_TOO_SMALL, "nothing left of " + s.asked().qty().toPlainString() + s.why(),
                json("intended", s.asked().qty(), "share", s.share()));
    }
}
