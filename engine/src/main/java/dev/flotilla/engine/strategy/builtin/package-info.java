/**
 * The six built-in strategy types, each one small class holding its parameter list and a stateless rule
 * that rebuilds its ta4j indicators from the series it is given at every candle close.
 * Nothing is remembered between calls; what a rule needs of the past (a crossing, a trailing high) it reads
 * from the bars or from the open position.
 */
package dev.flotilla.engine.strategy.builtin;
