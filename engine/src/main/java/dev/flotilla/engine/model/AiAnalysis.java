package dev.flotilla.engine.model;

import java.math.BigDecimal;

/**
 * One entry put to the AI level: what was asked (its SHA-256 digest), what the local model answered and what was done.
 *
 * @param qty      the quantity the risk gateway approved
 * @param answer   the model's answer as it came, or null when none came
 * @param decision what was done: APPROVE, SHRINK or VETO (a timeout or a bad answer is APPROVE)
 * @param factor   the share of {@code qty} kept: 1 unless shrunk, 0 for a veto
 */
public record AiAnalysis(long id, long at, String botId, String symbol, BigDecimal qty, BigDecimal price, String model,
                         String promptSha256, String answer, Decision decision, BigDecimal factor, String reason,
                         long latencyMs, Outcome outcome) {

    public enum Decision { APPROVE, SHRINK, VETO }

    /** How the question went: answered, too slow, an answer that was not what was asked for, or no model to ask. */
    public enum Outcome {
        ANSWERED("answered"), TIMEOUT("timeout"), BAD_ANSWER("bad answer"), UNAVAILABLE("unavailable");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
