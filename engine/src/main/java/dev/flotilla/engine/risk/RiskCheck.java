package dev.flotilla.engine.risk;



/**
 * One check of the risk hierarchy. The gateway runs the registered checks ({@link RiskChecks#ALL}) in order on
 * every intent they apply to; the first refusal decides. A new check is one class and one line of registration.
 * A limit counts as broken when it is reached: at the limit is refused, just inside passes.
 */
public interface RiskCheck {

    /** Which orders a check looks at. Exits are checked only by what may keep every order in: nothing else may keep a position open. */
    enum Scope { ENTRIES, ALL }

    Scope scope();

    /** Null to let the intent pass unchanged; else a refusal, a share of the size or a tighter stop. */
    Verdict check(Subject s);
}
