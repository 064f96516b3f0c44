package dev.flotilla.strategy;

/**
 * What a strategy may know of its bot's open position.
 *
 * @param entryPrice     average fill price of the entry
 * @param entryTime      epoch ms of the entry fill
 * @param highestPrice   highest price seen since entry (for trailing stops)
 * @param stopPrice      the stop level in force
 */
public record OpenPosition(double entryPrice, long entryTime, double highestPrice, double stopPrice) {
}
