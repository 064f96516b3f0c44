package dev.flotilla.engine.risk;

import static dev.flotilla.engine.risk.Numbers.json;



/** One position per bot: no entry while it holds one or another entry of it is on its way. */
final class PositionOpenCheck implements RiskCheck {

    @Override
    public Scope scope() {
        return Scope.ENTRIES;
    }

    @Override
    public Verdict check(Subject s) {
        if (s.bot().position() == null && !s.opening()) return null;
        return Verdict.refuse(ReasonCode.POSITION_OPEN, "the bot already holds or is opening a position", json("open", 1));
    }
}
