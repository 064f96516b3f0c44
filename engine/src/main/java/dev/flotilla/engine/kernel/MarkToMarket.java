package dev.flotilla.engine.kernel;

import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.execution.OrderFlow;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.market.MarketData;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.store.Tx;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between candle closes: one price request for every symbol held, unrealized PnL marked, and stops enforced,
 * so a 4h bot is not left unprotected for four hours. Stopped bots' positions are protected too.
 */
final class MarkToMarket {

    private static final Logger log = LoggerFactory.getLogger(MarkToMarket.class);

    private final MarketData market;
    private final OrderFlow orders;

    MarkToMarket(MarketData market, OrderFlow orders) {
        this.market = market;
        this.orders = orders;
    }

    /** Returns true when something was committed. */
    boolean run(Collection<BotRuntime> bots, long now, List<EngineEvent> events, Consumer<Tx> alsoCommit) {
        TreeSet<Symbol> held = new TreeSet<>();
        for (BotRuntime b : bots) if (b.position() != null) held.add(b.spec().symbol());
        if (held.isEmpty()) return false;
        Map<Symbol, BigDecimal> prices;
        try {
            prices = market.lastPrices(held);
        } catch (RuntimeException e) {
            log.warn("price request failed: {}; stops are checked again at the next mark", e.getMessage());
            return false;
        }
        List<Intent> exits = new ArrayList<>();
        for (BotRuntime b : bots) {
            Position p = b.position();
            if (p == null) continue;
            BigDecimal price = prices.get(p.symbol());
            if (price == null) continue;
            b.mark(price);
            if (price.compareTo(p.stopPrice()) <= 0) {
                exits.add(new Intent(b, Side.SELL, p.qty(), price, "STOP_LOSS",
                        "price " + price.toPlainString() + " at or below stop " + p.stopPrice().toPlainString(), null));
            }
        }
        if (exits.isEmpty()) return false;
        orders.execute(exits, now, null, alsoCommit, events);
        return true;
    }
}
