/**
 * The risk hierarchy: one gateway that every order passes, one at a time, so per-bot limits, portfolio limits
 * and the brakes hold exactly even when many bots signal at once. Each check is one {@link
 * dev.flotilla.engine.risk.RiskCheck} class, registered in {@link dev.flotilla.engine.risk.RiskChecks#ALL}; the
 * checks read plain data (a bot's books as a record) and answer with a review. Trading states, latches and limits
 * live in the store; whatever a restart rebuilds, it rebuilds from there.
 */
package dev.flotilla.engine.risk;
