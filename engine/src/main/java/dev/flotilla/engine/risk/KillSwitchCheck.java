package dev.flotilla.engine.risk;

import static dev.flotilla.engine.risk.Numbers.json;



/**
 * The kill switch: while it is on the fleet is HALTED and no automated order leaves, exits included. The operator's
 * own closes (halt and flatten, a manual close) are not automated and pass.
 */
final class KillSwitchCheck implements RiskCheck {

    @Override
    public Scope scope() {
        return Scope.ALL;
    }

    @Override
    public Verdict check(Subject s) {
        if (!s.killSwitch() || s.asked().byOperator()) return null;
        return Verdict.refuse(ReasonCode.KILL_SWITCH, "the kill switch is on: the fleet is HALTED", json("state", "HALTED"));
    }
}
