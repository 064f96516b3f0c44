package dev.flotilla.engine.risk;

import java.math.BigDecimal;

/**
 * What one {@link RiskCheck} says of an intent when it does not simply let it pass: a refusal with its reason code,
 * the message and the numbers that decided it; or, from a sizer, a share of the size (the shares of all sizers are
 * multiplied and the size rounded once); or a tighter stop.
 */
public record Verdict(ReasonCode code, String detail, String numbers, BigDecimal share, BigDecimal stop, String why) {

    public static Verdict refuse(ReasonCode code, String detail, String numbers) {
        return new Verdict(code, detail, numbers, null, null, null);
    }

    /** Keep {@code share} of the size; {@code why} is added to the order's reason. */
    public static Verdict scale(BigDecimal share, String why) {
        return new Verdict(null, null, null, share, null, why);
    }

    public static Verdict stop(BigDecimal stop) {
        return new Verdict(null, null, null, null, stop, null);
    }

    public boolean refused() {
        return code != null;
    }
}
