package dev.flotilla.ui;

import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.model.BotStatus;
import java.math.BigDecimal;
import java.util.List;

/** Hand-made fleet snapshots for view-model tests. */
public final class Snapshots {

    private Snapshots() {
    }

    public static BotView bot(String id, BotStatus status, String equity, String cash) {
        BigDecimal e = new BigDecimal(equity);
        BigDecimal c = new BigDecimal(cash);
        boolean holds = e.compareTo(c) != 0;
        return new BotView(id, "ema-rsi", "BTC/USDT", "15m", status, e, c, holds ? BigDecimal.ONE : BigDecimal.ZERO,
                holds ? new BigDecimal("100") : null, holds ? new BigDecimal("97") : null, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, 0, null);
    }

    public static FleetSnapshot fleet(long time, BotView... bots) {
        BigDecimal equity = BigDecimal.ZERO;
        int open = 0;
        int running = 0;
        for (BotView b : bots) {
            equity = equity.add(b.equity());
            if (b.positionQty().signum() != 0) open++;
            if (b.status() == BotStatus.RUNNING) running++;
        }
        return new FleetSnapshot(time, "SANDBOX x60", "ACTIVE", List.of(bots), equity,
                new BigDecimal(10_000).multiply(BigDecimal.valueOf(bots.length)), running, open);
    }
}
