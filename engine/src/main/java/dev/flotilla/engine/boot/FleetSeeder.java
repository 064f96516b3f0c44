package dev.flotilla.engine.boot;

import dev.flotilla.engine.model.Account;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.BotState;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.Tx;
import java.math.BigDecimal;
import java.util.List;

/** Writes a fleet into an empty store: the bots, their first state, their ledger and their paper accounts. */
public final class FleetSeeder {
    private FleetSeeder() {
    }

    /** Returns false (and writes nothing) when the store already has a fleet. */
    public static boolean seedIfEmpty(Store store, List<BotSpec> specs, long now) {
        if (!store.bots().isEmpty()) return false;
        store.write(tx -> seed(tx, specs, now));
        return true;
    }

    /** Writes the fleet as part of a larger transaction. */
    public static void seed(Tx tx, List<BotSpec> specs, long now) {
        for (BotSpec s : specs) {
            tx.insertBot(s, now);
            tx.botState(new BotState(s.id(), BotStatus.RUNNING, null, null, null, 0, s.capital()));
            tx.account(new Account(s.id(), s.capital(), BigDecimal.ZERO, BigDecimal.ZERO));
            tx.paperBalance(s.id(), s.symbol().quote(), s.capital());
        }
    }
}
