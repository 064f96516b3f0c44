package dev.flotilla.engine.market;

import dev.flotilla.engine.api.MarketStatus;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A market that hands every call to another one: the base of wrappers that count or time what passes. */
public abstract class ForwardingMarket implements MarketData {

    protected final MarketData market;

    protected ForwardingMarket(MarketData market) {
        this.market = market;
    }

    @Override
    public String name() {
        return market.name();
    }

    @Override
    public List<Candle> closedCandles(Feed feed, long fromOpenTime, long closedBy, int limit) {
        return market.closedCandles(feed, fromOpenTime, closedBy, limit);
    }

    @Override
    public Map<Symbol, BigDecimal> lastPrices(Collection<Symbol> symbols) {
        return market.lastPrices(symbols);
    }

    @Override
    public List<Symbol> symbols() {
        return market.symbols();
    }

    @Override
    public boolean pacesRequests() {
        return market.pacesRequests();
    }

    @Override
    public MarketStatus status() {
        return market.status();
    }

    @Override
    public List<String> drainWarnings() {
        return market.drainWarnings();
    }
}
