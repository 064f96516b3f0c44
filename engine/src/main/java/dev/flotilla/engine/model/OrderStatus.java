package dev.flotilla.engine.model;

public enum OrderStatus { PENDING, FILLED, REJECTED, CANCELED }
