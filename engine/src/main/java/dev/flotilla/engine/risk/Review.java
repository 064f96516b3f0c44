package dev.flotilla.engine.risk;

import dev.flotilla.engine.execution.Intent;
import java.util.List;

/**
 * The gateway's answer to one intent: approved as asked, approved smaller (resized), or refused with a reason code.
 *
 * @param approved the order to send, or null when refused
 */
public record Review(Intent asked, Intent approved, ReasonCode code, String detail, String numbers) {

    public enum Outcome { APPROVED, RESIZED, REFUSED }

    static Review approve(Intent asked, Intent approved) {
        return new Review(asked, approved, null, null, null);
    }

    static Review refuse(Intent asked, Verdict v) {
        return new Review(asked, null, v.code(), v.detail(), v.numbers());
    }

    public Outcome outcome() {
        if (approved == null) return Outcome.REFUSED;
        return approved.qty().compareTo(asked.qty()) == 0 ? Outcome.APPROVED : Outcome.RESIZED;
    }

    public boolean passed() {
        return approved != null;
    }

    /** The orders to send, in the order they were asked for. */
    public static List<Intent> approved(List<Review> reviews) {
        if (reviews.isEmpty()) return List.of();  // most closes ask for nothing
        List<Intent> out = new java.util.ArrayList<>(reviews.size());
        for (Review r : reviews) if (r.passed()) out.add(r.approved());
        return java.util.Collections.unmodifiableList(out);
    }
}
