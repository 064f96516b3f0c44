package dev.flotilla.engine.model;

/**
 * One stored risk event: an order the risk hierarchy refused, a breaker that fired, or a change of trading state.
 *
 * @param botId   the bot concerned, or null for the fleet
 * @param code    the reason code (a rejection or breaker) or the new trading state
 * @param intent  the refused order, e.g. "BUY 0.05 SOL/USDT @ 143.2 (ENTRY)", or null
 * @param numbers a JSON object of the numbers that decided it, or null
 */
public record RiskRecord(long id, long at, String botId, Kind kind, String code, String detail, String intent,
                         String numbers) {

    public enum Kind { REJECTED, BREAKER, STATE }
}
