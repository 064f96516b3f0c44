/**
 * Strategies are pure functions from a feed's closed bars (and the bot's open position) to a decision, so
 * bots evaluate in parallel on one shared series and a restarted engine decides exactly as before.
 * {@link dev.flotilla.engine.strategy.StrategyRegistry} is the only place that knows the concrete types and the
 * one gate their parameters pass through; a new strategy is one class and one line there.
 */
package dev.flotilla.engine.strategy;
