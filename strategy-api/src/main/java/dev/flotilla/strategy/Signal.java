package dev.flotilla.strategy;

/** What a strategy says at a candle close. Spot, long-only: EXIT closes the bot's position. */
public enum Signal { ENTER, EXIT, HOLD }
