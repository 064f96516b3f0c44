/**
 * The six built-in strategy types, each one small class holding its parameter list and a rule that builds its ta4j
 * indicators once, when it is bound to its feed's growing series, and reads them at each candle close.
 * What a rule needs of the past (a crossing, a trailing high) it reads from the indicators or from the open position;
 * the indicators' caches are the only state, and priming at every bar makes them the same after a restart.
 */
package dev.flotilla.engine.strategy.builtin;
