package dev.flotilla.engine.api;

import dev.flotilla.engine.model.RiskRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The risk controls of a running engine. Reads answer at once; commands are checked in the caller's thread and
 * run on the engine's thread, between two engine events, so they never race a decision.
 */
public interface RiskApi {

    /** The latest risk picture: trading states, kill switch, exposure and drawdown against their limits. */
    RiskView status();

    /** A bot's limits, each with its description. */
    LimitSet botLimits(String botId);

    /** The portfolio's limits and brakes, each with its description, and the per-symbol exceptions. */
    LimitSet portfolioLimits();

    /**
     * What {@link #setBotLimits} would say of these changes, without changing anything: null when they are allowed,
     * else the refusal of the first bad one, naming it and its allowed range.
     */
    InvalidInputException checkBotLimits(String botId, Map<String, String> changes);

    /** What {@link #setPortfolioLimits} would say of these changes; see {@link #checkBotLimits}. */
    InvalidInputException checkPortfolioLimits(Map<String, String> changes);

    /**
     * Changes some of a bot's limits by name (see {@link LimitSet#values()}), e.g. {@code {"stopLoss": "0.02"}}.
     * They apply from the bot's next decision.
     *
     * @return the limits as they will be
     * @throws InvalidInputException naming the bad limit and its allowed range; nothing is changed
     */
    LimitSet setBotLimits(String botId, Map<String, String> changes);

    /**
     * Changes some portfolio limits and brakes by name; {@code "maxSymbolValue.BTC/USDT"} sets a per-symbol exception
     * and an empty value removes it. See {@link #setBotLimits}.
     */
    LimitSet setPortfolioLimits(Map<String, String> changes);

    /** Turns the kill switch on: the fleet is HALTED; with {@code flatten} every open position is closed first. */
    void killSwitchOn(boolean flatten);

    /** Turns the kill switch off: the fleet returns to the state its breakers call for. */
    void killSwitchOff();

    /**
     * What closing the open positions of these bots by hand would send (a bot holds one position at most; flat bots are
     * left out); nothing is changed. Made on the engine's thread.
     *
     * @throws IllegalArgumentException naming an unknown bot (at once)
     */
    CompletableFuture<ClosePlan> planCloseBots(List<String> botIds);

    /** What closing every open position in a symbol (e.g. "BTC/USDT") by hand would send; see {@link #planCloseBots}. */
    CompletableFuture<ClosePlan> planCloseSymbol(String symbol);

    /**
     * Closes the positions of a plan the operator confirmed: a market sell of each, with the purpose and exit reason
     * MANUAL, through the risk gateway and the order flow like any order, on the engine's thread. A manual close is the
     * operator's own order, so a HALTED fleet or bot sends it (see decision 0028). A position closed or changed since the
     * plan is left alone and listed as not closed.
     *
     * @throws IllegalStateException (in the future) while reconciliation holds the fleet: nothing is sent
     */
    CompletableFuture<CloseResult> closePositions(ClosePlan plan);

    /** Lifts a bot's drawdown breaker; its equity peak starts again from its equity now. */
    void resetBreaker(String botId);

    /** Lifts the portfolio drawdown breaker; the aggregate peak starts again from the equity now. */
    void resetPortfolioBreaker();

    /** The most recent risk events (rejections, breakers, trading-state changes), newest first. */
    List<RiskRecord> riskEvents(int limit);
}
