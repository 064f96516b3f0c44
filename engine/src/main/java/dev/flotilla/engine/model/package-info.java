/**
 * Immutable domain records: symbols, timeframes, candles, orders, fills, positions, accounts. Money and quantities are BigDecimal; candle prices are doubles because they feed indicator math.
 */
package dev.flotilla.engine.model;
