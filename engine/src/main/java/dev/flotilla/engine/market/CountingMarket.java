package dev.flotilla.engine.market;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the requests the engine makes of a market, for the run summary and the console. */
public final class CountingMarket extends ForwardingMarket {

    private final AtomicLong candleRequests = new AtomicLong();
    private final AtomicLong priceRequests = new AtomicLong();

    public CountingMarket(MarketData market) {
        super(market);
    }

    @Override
    public List<Candle> closedCandles(Feed feed, long fromOpenTime, long closedBy, int limit) {
        candleRequests.incrementAndGet();
        return market.closedCandles(feed, fromOpenTime, closedBy, limit);
    }

    @Override
    public Map<Symbol, BigDecimal> lastPrices(Collection<Symbol> symbols) {
        priceRequests.incrementAndGet();
        return market.lastPrices(symbols);
    }

    public long candleRequests() {
        return candleRequests.get();
    }

    public long priceRequests() {
        return priceRequests.get();
    }
}
