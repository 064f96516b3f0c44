package dev.flotilla.engine.model;

import java.math.BigDecimal;

/**
 * A bot's paper account in the quote currency. realizedPnl is gross of fees; fees are kept apart, so a flat
 * account always holds capital + realizedPnl - fees.
 */
public record Account(String botId, BigDecimal cash, BigDecimal realizedPnl, BigDecimal fees) {
}
