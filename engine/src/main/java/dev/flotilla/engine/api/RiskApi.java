package dev.flotilla.engine.api;

import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.engine.risk.BotLimits;
import dev.flotilla.engine.risk.InvalidLimitException;
import dev.flotilla.engine.risk.PortfolioLimits;
import dev.flotilla.engine.risk.RiskStatus;
import java.util.List;
import java.util.Map;

/**
 * The risk controls of a running engine. Reads answer at once; commands are checked in the caller's thread and
 * run on the engine's thread, between two engine events, so they never race a decision.
 */
public interface RiskApi {

    /** The latest risk picture: trading states, kill switch, exposure and drawdown against their limits. */
    RiskStatus status();

    BotLimits botLimits(String botId);

    PortfolioLimits portfolioLimits();

    /**
     * Changes some of a bot's limits by name (see {@link BotLimits#values()}), e.g. {@code {"stopLoss": "0.02"}}.
     * They apply from the bot's next decision.
     *
     * @return the limits as they will be
     * @throws InvalidLimitException naming the bad limit and its allowed range; nothing is changed
     */
    BotLimits setBotLimits(String botId, Map<String, String> changes);

    /** Changes some portfolio limits and brakes by name; see {@link #setBotLimits}. */
    PortfolioLimits setPortfolioLimits(Map<String, String> changes);

    /** Turns the kill switch on: the fleet is HALTED; with {@code flatten} every open position is closed first. */
    void killSwitchOn(boolean flatten);

    /** Turns the kill switch off: the fleet returns to the state its breakers call for. */
    void killSwitchOff();

    /** Lifts a bot's drawdown breaker; its equity peak starts again from its equity now. */
    void resetBreaker(String botId);

    /** Lifts the portfolio drawdown breaker; the aggregate peak starts again from the equity now. */
    void resetPortfolioBreaker();

    /** The most recent risk events (rejections, breakers, trading-state changes), newest first. */
    List<RiskRecord> riskEvents(int limit);
}
