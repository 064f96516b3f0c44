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
 * "Halt and flatten": a market sell of every open position, stopped bots' included, at the price of the moment.
 * The orders are the operator's, so they pass a HALTED gateway; they follow the same order discipline as any other.
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
        TreeSet<Symbol> symbols = new TreeSet<>();
        held.forEach(b -> symbols.add(b.spec().symbol()));
        Map<Symbol, BigDecimal> prices;
        try {
            prices = market.lastPrices(symbols);
        } catch (RuntimeException e) {
            log.error("halt and flatten: the price request failed ({}); {} position(s) stay open, the fleet stays HALTED",
                    e.getMessage(), held.size());
            return 0;
        }
        gateway.observe(prices);
        List<Intent> exits = new ArrayList<>();
        for (BotRuntime b : held) {
            BigDecimal price = prices.get(b.spec().symbol());
            if (price == null) {
                log.error("halt and flatten: no price for {}; the position of bot {} stays open", b.spec().symbol(), b.id());
                continue;
            }
            exits.add(new Intent(b.book(), Side.SELL, b.position().qty(), price, RiskGateway.FLATTEN, "operator: halt and flatten", null));
        }
        long sent = pipeline.run(exits, now, null, (tx, approved) -> { }, events).stream().filter(Review::passed).count();
        log.warn("halt and flatten: {} position(s) sent to close", sent);
        return (int) sent;
    }
}
