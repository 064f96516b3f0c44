package dev.flotilla.engine.loop;

import dev.flotilla.engine.event.AccountEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.store.Tx;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/** The periodic record of every bot's equity and the fleet's, for the equity curves. */
public final class EquitySnapshots {

    public static final String FLEET = "*";

    private EquitySnapshots() {
    }

    static void take(Tx tx, Collection<BotRuntime> bots, long now, List<EngineEvent> events) {
        BigDecimal equity = BigDecimal.ZERO;
        BigDecimal cash = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        for (BotRuntime b : bots) {
            BigDecimal e = b.equity();
            tx.equitySnapshot(now, b.id(), e, b.account().cash(), b.unrealized());
            events.add(new AccountEvent.EquitySnapshot(now, b.id(), e));
            equity = equity.add(e);
            cash = cash.add(b.account().cash());
            unrealized = unrealized.add(b.unrealized());
        }
        tx.equitySnapshot(now, FLEET, equity, cash, unrealized);
        events.add(new AccountEvent.EquitySnapshot(now, null, equity));
    }
}
