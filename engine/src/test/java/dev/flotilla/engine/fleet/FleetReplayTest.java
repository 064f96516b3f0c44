package dev.flotilla.engine.fleet;

import dev.flotilla.engine.store.OnBothStores;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.model.Account;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.BotState;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.store.TestStores;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.Bars;
import dev.flotilla.strategy.OpenPosition;
import dev.flotilla.engine.strategy.StrategyRegistry;
import dev.flotilla.engine.strategy.SyntheticMarket;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet rebuilds a feed's series from the store: from its first stored candle, never past the instant it is
 * given (a simulation resumes before where the stopped run got to), and again whenever a bot joins the feed.
 */
@OnBothStores
class FleetReplayTest {

    private static final Feed FEED = new Feed(Symbol.parse("SOL/USDT"), Timeframe.M15);
    private static final StrategyRegistry REGISTRY = StrategyRegistry.builtin();
    private static final List<Candle> CANDLES = SyntheticMarket.candles(12, Bars.MAX_BARS + 1_500, 150, Timeframe.M15);

    /** Holding above its trend, the ATR trend answers with its trailing level: the close less k exact ATRs. */
    private static final OpenPosition HOLDING = new OpenPosition(1, 0, 1, Double.NaN);

    @TempDir
    Path dir;

    @Test
    void aFeedIsReplayedFromItsFirstStoredCandleUpToTheResumeInstantOnly() {
        try (Store store = new Store(TestStores.open(dir))) {
            store.write(tx -> tx.candles(FEED, CANDLES));
            int resumeAt = CANDLES.size() - 400;  // the stopped run got further: those candles are stored too
            long resume = CANDLES.get(resumeAt - 1).closeTime(Timeframe.M15) + 1;
            Fleet fleet = new Fleet(store, EngineConfig.defaults());

            fleet.add(bot("atr", "atr-trend"), resume);

            FeedBook book = fleet.feeds().getFirst();
            assertThat(book.last()).isEqualTo(CANDLES.get(resumeAt - 1));
            assertThat(book.bars().series().newestIndex()).isEqualTo(resumeAt - 1);  // every stored candle from the first
            assertThat(book.candles()).isEqualTo(CANDLES.subList(resumeAt - 300, resumeAt));
            assertThat(book.bars().evaluate("atr", HOLDING)).isEqualTo(uninterrupted("atr-trend", resumeAt));
        }
    }

    @Test
    void aBotJoiningAFeedDecidesAsIfTheEngineHadStartedWithIt() {
        try (Store store = new Store(TestStores.open(dir))) {
            store.write(tx -> tx.candles(FEED, CANDLES.subList(0, Bars.MAX_BARS + 500)));
            Fleet fleet = new Fleet(store, EngineConfig.defaults());
            fleet.add(bot("ema", "ema-rsi"), Long.MAX_VALUE);
            FeedBook book = fleet.feeds().getFirst();
            book.append(CANDLES.subList(Bars.MAX_BARS + 500, CANDLES.size()));  // as closes would, stored as they come
            store.write(tx -> tx.candles(FEED, CANDLES.subList(Bars.MAX_BARS + 500, CANDLES.size())));

            fleet.add(bot("atr", "atr-trend"), Long.MAX_VALUE);

            assertThat(book.bars().series().newestIndex()).isEqualTo(CANDLES.size() - 1);
            assertThat(book.bars().evaluate("atr", HOLDING)).isEqualTo(uninterrupted("atr-trend", CANDLES.size()));
            assertThat(book.bars().evaluate("ema", null)).isEqualTo(uninterrupted("ema-rsi", CANDLES.size()));
        }
    }

    /** The decision at the last of the first {@code count} candles of a book that held the strategy from the start. */
    private static dev.flotilla.strategy.Decision uninterrupted(String type, int count) {
        FeedBook book = new FeedBook(FEED, StrategyRegistry.MAX_WINDOW, 0);
        book.bars().bind("x", REGISTRY.create(type, Map.of()));
        for (Candle c : CANDLES.subList(0, count)) book.append(List.of(c));
        return book.bars().evaluate("x", type.equals("atr-trend") ? HOLDING : null);
    }

    private static BotRuntime bot(String id, String type) {
        BigDecimal capital = new BigDecimal("10000");
        BotSpec spec = new BotSpec(id, type, FEED.symbol(), FEED.timeframe(), Map.of(), capital);
        return new BotRuntime(spec, REGISTRY.create(type, Map.of()), new BotState(id, BotStatus.RUNNING, null, null, null, 0, capital),
                new Account(id, capital, BigDecimal.ZERO, BigDecimal.ZERO), null);
    }
}
