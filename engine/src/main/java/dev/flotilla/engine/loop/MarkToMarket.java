package dev.flotilla.engine.loop;

import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.market.MarketData;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.risk.ExitRules;
import dev.flotilla.engine.risk.Review;
import dev.flotilla.engine.risk.RiskGateway;
import dev.flotilla.engine.store.Tx;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between candle closes: one price request for every symbol of the fleet (the price collar needs fresh prices
 * of symbols not yet held too), unrealized PnL marked, the risk breakers checked, and stops and take-profits
 * enforced through the risk gateway, so a 4h bot is not left unprotected for four hours. Stopped bots' positions
 * are protected too.
 */
public final class MarkToMarket {

    private static final Logger log = LoggerFactory.getLogger(MarkToMarket.class);

    private final MarketData market;
    private final Pipeline pipeline;
    private final RiskGateway risk;

    public MarkToMarket(MarketData market, Pipeline pipeline, RiskGateway risk) {
        this.market = market;
        this.pipeline = pipeline;
        this.risk = risk;
    }

    /** Returns true when something was committed. */
    boolean run(Collection<BotRuntime> bots, java.util.SortedSet<Symbol> symbols, long now, List<EngineEvent> events,
                Consumer<Tx> alsoCommit) {
        if (symbols.isEmpty()) return false;
        Map<Symbol, BigDecimal> prices;
        try {
            prices = market.lastPrices(symbols);
        } catch (RuntimeException e) {
            log.warn("price request failed: {}; stops are checked again at the next mark", e.getMessage());
            risk.evaluate(now, events);
            return false;
        }
        risk.observe(prices);
        for (BotRuntime b : bots) {
            BigDecimal price = b.position() == null ? null : prices.get(b.spec().symbol());
            if (price != null) b.update(b.book().withMark(price));  // a price seen is a fact of nothing to commit
        }
        risk.evaluate(now, events);
        List<Intent> exits = new ArrayList<>();
        for (BotRuntime b : bots) {
            Position p = b.position();
            BigDecimal price = p == null ? null : prices.get(p.symbol());
            if (price == null) continue;
            ExitRules.Exit exit = ExitRules.at(p, price, risk.limits(b.id()), "price");
            if (exit != null) exits.add(new Intent(b.book(), Side.SELL, p.qty(), price, exit.purpose(), exit.reason(), null));
        }
        if (exits.isEmpty()) return false;
        List<Review> reviews = pipeline.run(exits, now, null, (tx, approved) -> alsoCommit.accept(tx), events, true);
        return reviews.stream().anyMatch(Review::passed);
    }
}
