package dev.flotilla.engine.risk;

import dev.flotilla.engine.store.RiskStore;
import java.util.HashMap;
import java.util.Map;

/**
 * A bot's entries today and its losses in a row, read from the orders and positions the store already holds, so
 * they can never disagree with the books and a restart finds them as they were. Kept in memory until an order of
 * the bot settles or the UTC day changes.
 */
final class TradeCounters {

    static final long DAY = 86_400_000L;

    record Counts(int tradesToday, int lossesInARow) {
    }

    private final RiskStore store;
    private final Map<String, Counts> cache = new HashMap<>();
    private long day = Long.MIN_VALUE;

    TradeCounters(RiskStore store) {
        this.store = store;
    }

    Counts of(String botId, long now) {
        long today = Math.floorDiv(now, DAY);
        if (today != day) {
            cache.clear();
            day = today;
        }
        return cache.computeIfAbsent(botId, id -> new Counts(store.entriesSince(id, today * DAY),
                Cooldown.streak(store.recentResults(id, 64))));
    }

    void forget(String botId) {
        cache.remove(botId);
    }
}
