package dev.flotilla.engine.api;

import java.math.BigDecimal;

/** Equity at one engine moment (epoch ms). */
public record EquityPoint(long time, BigDecimal equity) {
}
