package dev.flotilla.engine.command;

import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.loop.Pipeline;
import dev.flotilla.engine.market.MarketData;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.risk.Review;
import dev.flotilla.engine.risk.RiskGateway;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's market sells: "halt and flatten" (every open position, stopped bots' included) and a manual close
 * (chosen positions, see {@link ManualClose}), at the price of the moment. The orders are the operator's, so they pass
 * a HALTED gateway; they follow the same order discipline as any other.
 */
public final class Flattener {

    private static final Logger log = LoggerFactory.getLogger(Flattener.class);

    private final MarketData market;
    private final Pipeline pipeline;
    private final RiskGateway gateway;
    private final Supplier<? extends Collection<BotRuntime>> bots;

    public Flattener(MarketData market, Pipeline pipeline, RiskGateway gateway, Supplier<? extends Collection<BotRuntime>> bots) {
        this.market = market;
        this.pipeline = pipeline;
        this.gateway = gateway;
        this.bots = bots;
    }

    /** Returns how many sell orders were sent. */
    int flatten(long now, List<EngineEvent> events) {
        List<BotRuntime> held = bots.get().stream().filter(b -> b.position() != null).toList();
        if (held.isEmpty()) return 0;
        Map<Symbol, BigDecimal> prices;
        try {
            prices = prices(held);
        } catch (RuntimeException e) {
            log.error("halt and flatten: the price request failed ({}); {} position(s) stay open, the fleet stays HALTED",
                    e.getMessage(), held.size());
            return 0;
        }
        long sent = sell(held, prices, Intent.FLATTEN, "operator: halt and flatten", now, events).stream()
                .filter(Review::passed).count();
        log.warn("halt and flatten: {} position(s) sent to close", sent);
        return (int) sent;
    }

    /** The last trade prices of the symbols these bots hold, told to the gateway; throws when the market cannot say. */
    Map<Symbol, BigDecimal> prices(Collection<BotRuntime> held) {
        TreeSet<Symbol> symbols = new TreeSet<>();
        held.forEach(b -> symbols.add(b.spec().symbol()));
        Map<Symbol, BigDecimal> prices = market.lastPrices(symbols);
        gateway.observe(prices);
        return prices;
    }

    /**
     * The operator's market sells of these bots' whole positions at {@code prices}, with {@code purpose} (FLATTEN or
     * MANUAL): through the risk gateway and the order flow, as the bots' own exits go. A bot whose symbol has no price
     * is left open (logged). Returns the review of each order asked.
     */
    List<Review> sell(List<BotRuntime> held, Map<Symbol, BigDecimal> prices, String purpose, String reason, long now,
                      List<EngineEvent> events) {
        List<Intent> exits = new ArrayList<>();
        for (BotRuntime b : held) {
            BigDecimal price = prices.get(b.spec().symbol());
            if (price == null) {
                log.error("{}: no price for {}; the position of bot {} stays open", purpose, b.spec().symbol(), b.id());
                continue;
            }
            exits.add(new Intent(b.book(), Side.SELL, b.position().qty(), price, purpose, reason, null));
        }
        return pipeline.run(exits, now, null, (tx, approved) -> { }, events);
    }
}
