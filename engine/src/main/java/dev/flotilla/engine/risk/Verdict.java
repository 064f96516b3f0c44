package dev.flotilla.engine.risk;

import dev.flotilla.engine.execution.Intent;

/** The gateway's answer to one intent: the order to send (perhaps smaller), or the reason it is refused. */
record Verdict(Intent approved, ReasonCode code, String detail, String numbers) {

    static Verdict pass(Intent intent) {
        return new Verdict(intent, null, null, null);
    }

    static Verdict refuse(ReasonCode code, String detail, String numbers) {
        return new Verdict(null, code, detail, numbers);
    }

    boolean passed() {
        return approved != null;
    }
}
