package dev.flotilla.engine.model;

/** Whether a bot's ticks run. ERROR is set by the engine when a tick throws; an operator start clears it. */
public enum BotStatus { RUNNING, STOPPED, ERROR }
