package dev.flotilla.engine.market.binance;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchange.binance.dto.marketdata.BinanceKline;
import org.knowm.xchange.binance.dto.marketdata.KlineInterval;
import org.knowm.xchange.currency.CurrencyPair;

/**
 * Reads a klines reply into candles and checks it before anything uses it: every row a Binance kline, on the
 * timeframe's grid with its documented close time (open + length - 1 ms), strictly in order (no duplicates),
 * inside the asked range, closed by the server's clock, with positive prices, high at or above low and open and
 * close between them. A row that fails rejects the whole reply. Holes in the series are reported, not thrown,
 * because Binance really has a few (exchange outages); the caller decides.
 */
final class Klines {

    /** A stretch of candles missing from a reply: open times from {@code fromOpen} up to before {@code toOpen}. */
    record Gap(long fromOpen, long toOpen) {
        @Override
        public String toString() {
            return Instant.ofEpochMilli(fromOpen) + " to " + Instant.ofEpochMilli(toOpen);
        }
    }

    record Page(List<Candle> candles, Gap gap) {
    }

    /** A reply that must not be used. */
    static final class BadKlines extends RuntimeException {
        BadKlines(String message) {
            super(message);
        }
    }

    private Klines() {
    }

    static KlineInterval interval(Timeframe tf) {
        return switch (tf) {
            case M15 -> KlineInterval.m15;
            case H1 -> KlineInterval.h1;
            case H4 -> KlineInterval.h4;
        };
    }

    static CurrencyPair pair(Symbol s) {
        return new CurrencyPair(s.base(), s.quote());
    }

    /**
     * @param firstOpen open time the reply should start at
     * @param lastOpen  open time of the last candle asked for
     * @param asked     the limit sent; a shorter reply must reach {@code lastOpen}
     * @param serverNow Binance's time when the reply arrived: no candle may close after it
     */
    static Page read(Feed feed, List<Object[]> rows, long firstOpen, long lastOpen, int asked, long serverNow) {
        Timeframe tf = feed.timeframe();
        long len = tf.millis();
        CurrencyPair pair = pair(feed.symbol());
        KlineInterval interval = interval(tf);
        List<Candle> out = new ArrayList<>(rows.size());
        Gap gap = null;
        long expected = firstOpen;
        for (int i = 0; i < rows.size(); i++) {
            BinanceKline k;
            try {
                Object[] row = rows.get(i);
                if (row == null || row.length < 12) throw new IllegalArgumentException("has " + (row == null ? 0 : row.length) + " fields, not 12");
                k = new BinanceKline(pair, interval, row);
            } catch (RuntimeException e) {
                throw new BadKlines("row " + i + " is not a Binance kline: " + e.getMessage());
            }
            long open = k.getOpenTime();
            String at = "candle at " + Instant.ofEpochMilli(open);
            if (Math.floorMod(open, len) != 0) throw new BadKlines(at + " is not on the " + tf + " grid");
            if (k.getCloseTime() != open + len - 1) throw new BadKlines(at + " has close time " + k.getCloseTime() + ", not open + " + tf + " - 1 ms");
            if (!out.isEmpty()) {
                long prev = out.getLast().openTime();
                if (open == prev) throw new BadKlines("duplicate " + at);
                if (open < prev) throw new BadKlines(at + " comes after " + Instant.ofEpochMilli(prev) + ": out of order");
            }
            if (open + len > serverNow) {
                throw new BadKlines(at + " is still open: it closes at " + Instant.ofEpochMilli(open + len)
                        + ", Binance's time is " + Instant.ofEpochMilli(serverNow));
            }
            if (open < firstOpen || open > lastOpen) throw new BadKlines(at + " is outside the range asked for");
            Candle c = new Candle(open, k.getOpen().doubleValue(), k.getHigh().doubleValue(), k.getLow().doubleValue(),
                    k.getClose().doubleValue(), k.getVolume().doubleValue());
            String problem = problem(c);
            if (problem != null) throw new BadKlines(at + " " + problem);
            if (open != expected && gap == null) gap = new Gap(expected, open);
            expected = open + len;
            out.add(c);
        }
        if (gap == null && rows.size() < asked && expected <= lastOpen) gap = new Gap(expected, lastOpen + len);
        return new Page(out, gap);
    }

    private static String problem(Candle c) {
        if (!(c.open() > 0 && c.high() > 0 && c.low() > 0 && c.close() > 0)) return "has a price that is not positive";
        if (c.high() < c.low()) return "has high below low";
        if (c.open() > c.high() || c.open() < c.low() || c.close() > c.high() || c.close() < c.low()) {
            return "has open or close outside high-low";
        }
        if (!(c.volume() >= 0)) return "has a negative volume";
        return null;
    }
}
