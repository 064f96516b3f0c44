package dev.flotilla.engine.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.strategy.Bars;
import dev.flotilla.strategy.Decision;
import dev.flotilla.strategy.OpenPosition;
import dev.flotilla.strategy.ParamSpec;
import dev.flotilla.engine.strategy.StrategyRegistry;
import dev.flotilla.strategy.StrategyType;
import dev.flotilla.engine.strategy.SyntheticMarket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A restarted engine replays each feed from its first stored candle; it must then decide exactly as the engine that
 * ran on, for every type, flat or holding, also long after the series began letting go of its oldest bars.
 */
class FeedBookReplayTest {

    private static final Feed FEED = new Feed(Symbol.parse("ETH/USDT"), Timeframe.M15);
    private static final StrategyRegistry REGISTRY = StrategyRegistry.builtin();
    private static final List<Candle> CANDLES = SyntheticMarket.candles(31, 3 * Bars.MAX_BARS, 3_000, Timeframe.M15);
    private static final OpenPosition HOLDING = new OpenPosition(3_000, 0, 3_100, 2_900);

    @Test
    void aBookReplayedFromAPrefixDecidesAsTheOneThatRanOn() {
        int stop = Bars.MAX_BARS + 700;
        FeedBook running = bound(new FeedBook(FEED, StrategyRegistry.MAX_WINDOW, 0));
        // the running engine gets its candles as fetches deliver them: one per close, several after an outage
        var random = new SplittableRandom(5);
        int held = 0;
        List<List<Decision>> uninterrupted = new ArrayList<>();
        while (held < CANDLES.size()) {
            int next = Math.min(CANDLES.size(), held + (random.nextInt(10) == 0 ? random.nextInt(2, 6) : 1));
            running.append(CANDLES.subList(held, next));
            held = next;
            if (held > stop) uninterrupted.add(decisions(running));
        }

        FeedBook restarted = bound(new FeedBook(FEED, StrategyRegistry.MAX_WINDOW, 0));
        for (int from = 0; from < stop; from += 1_000) restarted.append(CANDLES.subList(from, Math.min(stop, from + 1_000)));
        List<List<Decision>> resumed = new ArrayList<>();
        random = new SplittableRandom(5);
        held = 0;
        while (held < CANDLES.size()) {  // the same deliveries, the early ones already replayed
            int next = Math.min(CANDLES.size(), held + (random.nextInt(10) == 0 ? random.nextInt(2, 6) : 1));
            if (next > stop) {
                restarted.append(CANDLES.subList(Math.max(held, stop), next));
                resumed.add(decisions(restarted));
            }
            held = next;
        }

        assertThat(resumed).hasSameSizeAs(uninterrupted).isEqualTo(uninterrupted);
        assertThat(restarted.candles()).isEqualTo(running.candles()).hasSize(StrategyRegistry.MAX_WINDOW);
    }

    @Test
    void aBotBoundLaterDecidesAsAfterARestartOnceItsFeedIsReplayed() {
        int added = Bars.MAX_BARS + 300;
        FeedBook book = new FeedBook(FEED, StrategyRegistry.MAX_WINDOW, 0);
        book.append(CANDLES.subList(0, added));
        bound(book);  // what the fleet does for a new bot: bind it, then replay the feed
        book.clear();
        book.append(CANDLES.subList(0, added));
        FeedBook fresh = bound(new FeedBook(FEED, StrategyRegistry.MAX_WINDOW, 0));
        fresh.append(CANDLES.subList(0, added));
        for (int i = added; i < CANDLES.size(); i++) {
            book.append(List.of(CANDLES.get(i)));
            fresh.append(List.of(CANDLES.get(i)));
            assertThat(decisions(book)).as("bar %d", i).isEqualTo(decisions(fresh));
        }
    }

    /**
     * A stopped bot is only primed (every {@link FeedBars#PRIME_EVERY} bars); once it runs again it must decide as a bot
     * whose indicators were read at every bar, long after the series let go of the bars it started with.
     */
    @Test
    void aBotLeftUnreadForThousandsOfBarsDecidesAsOneReadAtEveryBar() {
        FeedBook readEveryBar = bound(new FeedBook(FEED, StrategyRegistry.MAX_WINDOW, 0));
        FeedBook onlyPrimed = bound(new FeedBook(FEED, StrategyRegistry.MAX_WINDOW, 0));
        int resumed = 2 * Bars.MAX_BARS + 37;
        for (int i = 0; i < CANDLES.size(); i++) {
            readEveryBar.append(List.of(CANDLES.get(i)));
            onlyPrimed.append(List.of(CANDLES.get(i)));
            List<Decision> expected = decisions(readEveryBar);
            if (i >= resumed) assertThat(decisions(onlyPrimed)).as("bar %d", i).isEqualTo(expected);
        }
    }

    /**
     * Every type twice: with its defaults, and with its longest periods, whose slow EMAs still carry their start
     * after a thousand bars (with the defaults, a replay of only the last thousand candles would pass unnoticed).
     */
    private static FeedBook bound(FeedBook book) {
        for (StrategyType t : REGISTRY.types()) {
            book.bars().bind(t.id(), REGISTRY.create(t.id(), Map.of()));
            book.bars().bind(t.id() + " longest", REGISTRY.create(t.id(), longest(t)));
        }
        return book;
    }

    private static Map<String, Double> longest(StrategyType type) {
        Map<String, Double> p = new HashMap<>();
        for (ParamSpec spec : type.params()) if (spec.integer() && spec.max() > 1) p.put(spec.name(), spec.max());
        p.computeIfPresent("fastPeriod", (k, v) -> Math.min(v, p.get("slowPeriod") - 1));
        return REGISTRY.resolve(type.id(), p);
    }

    private static List<Decision> decisions(FeedBook book) {
        List<Decision> d = new ArrayList<>();
        for (StrategyType t : REGISTRY.types()) {
            for (String id : List.of(t.id(), t.id() + " longest")) {
                d.add(book.bars().evaluate(id, null));
                d.add(book.bars().evaluate(id, HOLDING));
            }
        }
        return d;
    }
}
