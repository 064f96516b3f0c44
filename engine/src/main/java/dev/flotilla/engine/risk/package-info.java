/**
 * The risk hierarchy: one gateway that every order passes, one at a time, so per-bot limits, portfolio limits
 * and the brakes hold exactly even when many bots signal at once. Trading states, latches and limits live in
 * the store; whatever a restart rebuilds, it rebuilds from there.
 */
package dev.flotilla.engine.risk;
