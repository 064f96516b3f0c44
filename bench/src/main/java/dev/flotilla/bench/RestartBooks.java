package dev.flotilla.bench;

import dev.flotilla.engine.config.EngineSettings;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a data folder holds that a restart must not lose, read through the engine's store: the bots, their open
 * positions and every fill, and the engine time the stopped run reached.
 */
record RestartBooks(int bots, Map<String, Position> positions, List<Fill> fills, long engineTime) {

    static RestartBooks read(Path dataDir) {
        try (Store store = new Store(Database.open(dataDir))) {
            long time = Long.parseLong(store.setting(EngineSettings.ENGINE_TIME).orElse("0"));
            return new RestartBooks(store.bots().size(), store.openPositions(), store.fills(), time);
        }
    }

    /**
     * The books after a restarted session against these, taken before it: every fill is still there, and every bot
     * that made no new fill holds the position it held (the same entry: id, quantity, price, fee, time and order; its
     * trailing stop may have moved with the prices). A bot that traded in the restarted session may hold another.
     */
    Check against(RestartBooks after) {
        Set<String> fillsAfter = new HashSet<>();
        for (Fill f : after.fills) fillsAfter.add(key(f));
        List<String> lost = new ArrayList<>();
        for (Fill f : fills) {
            if (!fillsAfter.contains(key(f))) lost.add("fill " + f.clientOrderId() + " of " + f.botId());
        }
        Set<String> before = new HashSet<>();
        for (Fill f : fills) before.add(key(f));
        Set<String> traded = new HashSet<>();
        for (Fill f : after.fills) if (!before.contains(key(f))) traded.add(f.botId());
        int kept = 0;
        for (Position p : positions.values()) {
            Position q = after.positions.get(p.botId());
            if (q != null && sameEntry(p, q)) kept++;
            else if (!traded.contains(p.botId())) lost.add("the position of " + p.botId() + " (" + p.qty().toPlainString() + " " + p.symbol() + ")");
        }
        for (Position q : after.positions.values()) {
            if (!positions.containsKey(q.botId()) && !traded.contains(q.botId())) lost.add("a position of " + q.botId() + " from nowhere");
        }
        if (bots != after.bots) lost.add(bots + " bots before, " + after.bots + " after");
        return new Check(kept, traded.size(), after.positions.size(), lost);
    }

    /**
     * @param kept    positions open before that are open, the same, after
     * @param traded  bots that made fills in the restarted session
     * @param openAfter positions open at the end of the restarted session
     * @param lost    what the restart lost (empty when nothing)
     */
    record Check(int kept, int traded, int openAfter, List<String> lost) {
    }

    private static boolean sameEntry(Position p, Position q) {
        return p.id() == q.id() && p.symbol().equals(q.symbol()) && p.qty().compareTo(q.qty()) == 0
                && p.entryPrice().compareTo(q.entryPrice()) == 0 && p.entryFee().compareTo(q.entryFee()) == 0
                && p.openedAt() == q.openedAt() && java.util.Objects.equals(p.entryOrder(), q.entryOrder());
    }

    private static String key(Fill f) {
        return f.clientOrderId() + "|" + f.side() + "|" + f.qty().toPlainString() + "|" + f.price().toPlainString() + "|" + f.filledAt();
    }
}
