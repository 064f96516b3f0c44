package dev.flotilla.engine.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The fleet at one engine moment, immutable, safe to read from any thread.
 *
 * @param mode      what the console's badge shows, e.g. "SANDBOX x60"
 * @param engineTime epoch ms of the engine clock
 */
public record FleetSnapshot(long engineTime, String mode, String state, List<BotView> bots, BigDecimal equity,
                            BigDecimal capital, int running, int openPositions) {

    public BigDecimal pnl() {
        return equity.subtract(capital);
    }
}
