package dev.flotilla.engine.model;

import java.math.BigDecimal;

/**
 * What the engine remembers of a bot between ticks.
 *
 * @param lastClose  the candle close of its last completed tick, or null before the first
 * @param orderSeq   the number of orders it has made; the next client order id uses orderSeq + 1
 */
public record BotState(String botId, BotStatus status, Long lastClose, Long lastTickAt, String lastError,
                       long orderSeq, BigDecimal peakEquity) {

    public BotState withStatus(BotStatus s, String error) {
        return new BotState(botId, s, lastClose, lastTickAt, error, orderSeq, peakEquity);
    }

    public BotState ticked(long close, long at) {
        return new BotState(botId, status, close, at, lastError, orderSeq, peakEquity);
    }

    public BotState nextOrder() {
        return new BotState(botId, status, lastClose, lastTickAt, lastError, orderSeq + 1, peakEquity);
    }

    public BotState withPeak(BigDecimal peak) {
        return new BotState(botId, status, lastClose, lastTickAt, lastError, orderSeq, peak);
    }
}
