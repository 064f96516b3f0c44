/**
 * Strategies are bound once to their feed's growing series and decide from its bars (and the bot's open
 * position); primed at every bar in order, a restarted engine that replays the feed decides exactly as before.
 * {@link dev.flotilla.engine.strategy.StrategyRegistry} is the only place that knows the concrete types and the
 * one gate their parameters pass through; a new strategy is one class and one line there.
 */
package dev.flotilla.engine.strategy;
