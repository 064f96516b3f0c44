package dev.flotilla.engine.model;

public enum Side { BUY, SELL }
