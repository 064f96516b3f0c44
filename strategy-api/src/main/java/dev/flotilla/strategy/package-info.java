/**
 * The strategy API: what a strategy type implements, built-in or in a plug-in jar. A plug-in jar depends on this
 * module and ta4j only; it lists its types in {@code META-INF/services/dev.flotilla.strategy.StrategyType}, and the
 * engine finds them there, each jar in a class loader of its own. Nothing here knows the engine.
 */
package dev.flotilla.strategy;
