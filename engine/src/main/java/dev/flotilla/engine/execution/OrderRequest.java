package dev.flotilla.engine.execution;

import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;

/** A market order as sent to a broker. refPrice is the price the decision was made at. */
public record OrderRequest(String clientOrderId, String account, Symbol symbol, Side side, BigDecimal qty,
                           BigDecimal refPrice, long time) {
}
