package dev.flotilla.engine.risk;

import dev.flotilla.engine.execution.BrokerReply;
import dev.flotilla.engine.execution.Ledger;
import dev.flotilla.engine.execution.OrderFlow;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.store.RiskStore;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A bot's entries today and its losses in a row, as the orders and positions the store holds say. Each bot's are read
 * from the store the first time they are asked for and then followed in memory as its orders settle, the same way
 * the store changes: an entry that filled counts from its creation time, a closed round trip's net result goes in
 * front of the bot's results. An order whose outcome is not known here (a send that failed, a restart's or the
 * operator's settling of the books) makes the bot's counters be read from the store again, so they never disagree
 * with the books and a restart finds them as they were.
 */
final class TradeCounters {

    static final long DAY = 86_400_000L;
    /** How many of a bot's latest results the loss streak looks at. */
    static final int RESULTS = 64;

    record Counts(int tradesToday, int lossesInARow) {
    }

    /** One bot's counters: what the store held when read, followed since. */
    private static final class Bot {
        /** Creation times of the counted entries (filled or pending) created on or after the start of {@link #day}. */
        final ArrayDeque<Long> entries = new ArrayDeque<>();
        /** Net results of the latest round trips, newest first, at most {@link #RESULTS}. */
        final ArrayDeque<BigDecimal> results = new ArrayDeque<>();
        long day;
        Counts counts;

        Counts counts(long today) {
            if (today != day) {
                long start = today * DAY;
                entries.removeIf(t -> t < start);
                day = today;
                counts = null;
            }
            if (counts == null) counts = new Counts(entries.size(), Cooldown.streak(results));
            return counts;
        }
    }

    private final RiskStore store;
    private final Map<String, Bot> bots = new HashMap<>();

    TradeCounters(RiskStore store) {
        this.store = store;
    }

    Counts of(String botId, long now) {
        long today = Math.floorDiv(now, DAY);
        Bot b = bots.get(botId);
        if (b == null || today < b.day) {  // read once; a day before the one read for has entries not held here
            b = new Bot();
            b.day = today;
            b.entries.addAll(store.entryTimesSince(botId, today * DAY));
            b.results.addAll(store.recentResults(botId, RESULTS));
            bots.put(botId, b);
        }
        return b.counts(today);
    }

    /** An order of the bot settled, its outcome committed as {@link OrderFlow#commit} commits it. */
    void settled(OrderFlow.Result r) {
        Bot b = bots.get(r.order().botId());
        if (b == null) return;  // read from the store, outcome included, when first asked for
        if (!(r.reply() instanceof BrokerReply.Filled filled)) return;  // a rejected order counts for nothing
        Fill f = filled.fill();
        if ("ENTRY".equals(r.order().purpose()) && r.order().createdAt() >= b.day * DAY) {
            b.entries.addLast(r.order().createdAt());
        }
        if (f.side() != Side.BUY) {
            b.results.addFirst(Ledger.netPnl(r.intent().bot().position(), f));
            if (b.results.size() > RESULTS) b.results.removeLast();
        }
        b.counts = null;
    }

    /** The bot's orders changed in a way not followed here: its counters are read from the store again. */
    void forget(String botId) {
        bots.remove(botId);
    }

    void forgetAll() {
        bots.clear();
    }
}
