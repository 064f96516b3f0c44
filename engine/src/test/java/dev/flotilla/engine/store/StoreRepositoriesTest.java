package dev.flotilla.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.model.Account;
import dev.flotilla.engine.model.AiAnalysis;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.BotState;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.EquityCurve;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.Order;
import dev.flotilla.engine.model.OrderStatus;
import dev.flotilla.engine.model.Performance;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.engine.model.RiskState;
import dev.flotilla.engine.model.RunFigures;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.model.TradingState;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each repository of the store, written and read back through the same code on SQLite and on PostgreSQL. */
@OnBothStores
class StoreRepositoriesTest {

    static final Symbol BTC = Symbol.parse("BTC/USDT");

    @TempDir
    Path dir;

    static BotSpec bot(String id) {
        return new BotSpec(id, "sma-cross", BTC, Timeframe.H1, Map.of("fast", 9.0, "slow", 21.0), new BigDecimal("1000"));
    }

    static Order order(String id, String bot, long at) {
        return new Order(id, bot, BTC, Side.BUY, new BigDecimal("0.00012345"), new BigDecimal("64321.12345678"),
                new BigDecimal("60000.5"), "ENTRY", OrderStatus.PENDING, at, at, at, null);
    }

    @Test
    void theBooksAreWrittenExactlyAndReadBackAfterAReopen() {
        BigDecimal cash = new BigDecimal("123456789012345.123456789012");
        try (Store store = new Store(TestStores.open(dir))) {
            store.write(tx -> {
                // ids that sort differently by byte and by a language's collation: the fleet's order is SQLite's
                for (String id : List.of("bot-b", "Bot-c", "bot_a", "bot-10")) tx.insertBot(bot(id), 1_000);
                tx.setting("kill", "off");
                tx.setting("kill", "on");  // an upsert
                tx.account(new Account("bot-b", new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO));
                tx.account(new Account("bot-b", cash, new BigDecimal("-0.00000001"), new BigDecimal("0.1")));
                tx.botState(new BotState("bot-b", BotStatus.RUNNING, 3_600_000L, 3_600_100L, null, 1, new BigDecimal("1000")));
                tx.botState(new BotState("bot-b", BotStatus.ERROR, null, null, "it broke", 2, new BigDecimal("1000.5")));
                tx.insertOrder(order("c-1", "bot-b", 2_000));
                tx.orderSizing("c-1", "{\"cap\":\"10\"}");
                tx.updateOrder(order("c-1", "bot-b", 2_000).withStatus(OrderStatus.FILLED, 2_100, null));
                tx.insertFill(new Fill("c-1", "bot-b", BTC, Side.BUY, new BigDecimal("0.00012345"),
                        new BigDecimal("64321.12345678"), new BigDecimal("0.0079"), 2_100));
                tx.paperOrder(new Fill("c-1", "bot-b", BTC, Side.BUY, new BigDecimal("0.00012345"),
                        new BigDecimal("64321.12345678"), new BigDecimal("0.0079"), 2_100));
                tx.paperBalance("bot-b", "BTC", new BigDecimal("0.00012345"));
                tx.paperBalance("bot-b", "BTC", new BigDecimal("0.00012346"));
                tx.equitySnapshot(2_100, "bot-b", cash, cash, BigDecimal.ZERO);
                tx.equitySnapshot(2_100, "bot-b", cash, cash, BigDecimal.ONE);  // one per bot and time: kept as it was
                tx.ledgerAdjustment(2_200, "bot-b", "USDT", new BigDecimal("0.5"), "broker view");
            });
            long first = store.writeAndGet(tx -> tx.openPosition(position(0, "bot-b")));
            long second = store.writeAndGet(tx -> {
                tx.closePosition(first, new BigDecimal("65000"), new BigDecimal("0.008"), "EXIT", new BigDecimal("0.06"), 3_000, "c-2");
                return tx.openPosition(position(0, "bot-b"));
            });
            assertThat(second).as("ids come from the database, one after the other").isGreaterThan(first);
            assertThat(store.writeStats().rows()).as("rows written are counted").isGreaterThanOrEqualTo(15);
        }
        try (Store store = new Store(TestStores.open(dir))) {
            assertThat(store.bots()).extracting(BotSpec::id).containsExactly("Bot-c", "bot-10", "bot-b", "bot_a");
            assertThat(store.setting("kill")).contains("on");
            assertThat(store.accounts().get("bot-b").cash()).isEqualTo(cash);
            assertThat(store.accounts().get("bot-b").realizedPnl()).isEqualTo(new BigDecimal("-0.00000001"));
            assertThat(store.botStates().get("bot-b")).isEqualTo(
                    new BotState("bot-b", BotStatus.ERROR, null, null, "it broke", 2, new BigDecimal("1000.5")));
            Order o = store.order("c-1").orElseThrow();
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(o.refPrice()).isEqualTo(new BigDecimal("64321.12345678"));
            assertThat(store.entrySizings()).containsEntry("c-1", "{\"cap\":\"10\"}");
            assertThat(store.fills()).singleElement().extracting(Fill::fee).isEqualTo(new BigDecimal("0.0079"));
            assertThat(store.paperOrder("c-1")).isPresent();
            assertThat(store.paperBalances().get("bot-b")).containsEntry("BTC", new BigDecimal("0.00012346"));
            assertThat(store.history().equityHistory("bot-b", 10)).containsExactly(Map.entry(2_100L, cash));
            assertThat(store.ledgerAdjustments().get("bot-b")).containsEntry("USDT", new BigDecimal("0.5"));
            assertThat(store.closedTrades()).singleElement().extracting(ClosedTrade::netPnl).isEqualTo(new BigDecimal("0.06"));
            assertThat(store.openPositions()).containsOnlyKeys("bot-b");
            assertThat(store.history().recentFills(null, 0, 10)).singleElement()
                    .extracting(HistoryReads.PurposedFill::purpose).isEqualTo("ENTRY");
            assertThat(store.history().recentOrders("bot-b", 5)).hasSize(1);
            assertThat(store.history().recentClosedTrades(null, 5)).hasSize(1);
            assertThat(store.count("bots")).isEqualTo(4);
        }
    }

    private static Position position(long id, String bot) {
        return new Position(id, bot, BTC, new BigDecimal("0.00012345"), new BigDecimal("64321.12345678"), new BigDecimal("0.0079"),
                new BigDecimal("60000"), new BigDecimal("64321.12345678"), 2_100, "c-1");
    }

    @Test
    void aFailedWriteLeavesNothingAndADuplicateIsAStoreErrorNotAnOutage() {
        try (Store store = new Store(TestStores.open(dir))) {
            store.write(tx -> tx.insertBot(bot("b1"), 1));
            store.write(tx -> tx.insertOrder(order("dup", "b1", 5)));
            assertThatThrownBy(() -> store.write(tx -> {
                tx.setting("half", "done");
                tx.insertOrder(order("dup", "b1", 6));
            })).isInstanceOf(StoreException.class).isNotInstanceOf(StoreUnavailableException.class);
            assertThat(store.setting("half")).as("the whole transaction was rolled back").isEmpty();
            assertThatThrownBy(() -> store.write(tx -> tx.closePosition(99, BigDecimal.ONE, BigDecimal.ZERO, "EXIT",
                    BigDecimal.ZERO, 1, "x"))).isInstanceOf(IllegalStateException.class);
            store.write(tx -> tx.setting("after", "fine"));  // the writer goes on after both failures
            assertThat(store.setting("after")).contains("fine");
        }
    }

    @Test
    void candlesRiskBacktestsAiAndPluginTrust() {
        Feed feed = new Feed(BTC, Timeframe.H1);
        long h = 3_600_000L;
        try (Store store = new Store(TestStores.open(dir))) {
            store.write(tx -> tx.insertBot(bot("b1"), 1));
            store.write(tx -> tx.candles(feed, List.of(new Candle(0, 1, 2, 0.5, 1.5, 10), new Candle(h, 1.5, 3, 1, 2.5, 20))));
            store.write(tx -> tx.candles(feed, List.of(new Candle(h, 9, 9, 9, 9, 9), new Candle(3 * h, 2, 2, 2, 2, 2))));
            assertThat(store.candles(feed, 4 * h, 10)).extracting(Candle::close).containsExactly(1.5, 2.5, 2.0);
            assertThat(store.missingCandles(feed, 0, 4 * h)).singleElement().isEqualTo(new long[] {2 * h, 3 * h});

            RiskStore risk = new RiskStore(store);
            RiskState s = new RiskState("b1", TradingState.HALTED, "drawdown", 20_000, new BigDecimal("999.99"), true, false, null);
            store.write(tx -> {
                RiskStore.state(tx, s.withState(TradingState.REDUCING, "first"));
                RiskStore.state(tx, s);
                RiskStore.limits(tx, "b1", Map.of("maxDrawdown", "0.2", "maxTradesPerDay", "5"));
                RiskStore.event(tx, new RiskRecord(0, 10, "b1", RiskRecord.Kind.REJECTED, "MAX_TRADES", "too many", "BUY", "{}"));
            });
            assertThat(risk.states().get("b1")).isEqualTo(s);
            assertThat(risk.limits()).containsEntry("b1", Map.of("maxDrawdown", "0.2", "maxTradesPerDay", "5"));
            assertThat(risk.countByCode(RiskRecord.Kind.REJECTED)).containsEntry("MAX_TRADES", 1L);
            assertThat(risk.events(5)).singleElement().extracting(RiskRecord::detail).isEqualTo("too many");

            BacktestStore backtests = new BacktestStore(store);
            Performance p = new Performance(0.1, Double.NaN, 0.05, 1000, 1.2, 1.5, 2, 0.5, Double.NaN, 3, 60_000, 0.4, 1.25);
            RunFigures f = new RunFigures("b1", "sma-cross", "BTC/USDT", "1h", Map.of("fast", 9.0), 1000, 1100, p, 0.02);
            ClosedTrade t = new ClosedTrade("b1", BTC, new BigDecimal("0.1"), new BigDecimal("100"), new BigDecimal("110"),
                    new BigDecimal("0.98"), 0, h, "EXIT", new BigDecimal("0.02"));
            long id = backtests.save(new BacktestStore.Entry(new BacktestStore.Run(0, 1, "sandbox seed 7", 0, 10 * h,
                    new BigDecimal("10"), new BigDecimal("5"), 2, "abc", 12, "sweep-1"), List.of(f), List.of(t),
                    Map.of("b1", new EquityCurve(new long[] {0, h}, new double[] {1000, 1100}))));
            assertThat(backtests.run(id).orElseThrow().label()).isEqualTo("sweep-1");
            assertThat(backtests.figures(id)).singleElement().satisfies(r -> {
                assertThat(r.performance().cagr()).isNaN();
                assertThat(r.performance().sharpe()).isEqualTo(1.2);
            });
            assertThat(backtests.figuresLabelled("sweep-1")).hasSize(1);
            assertThat(backtests.trades(id)).containsExactly(t);
            assertThat(backtests.equity(id, "b1").equity()).containsExactly(1000, 1100);
            assertThat(backtests.runs(5)).hasSize(1);

            AiStore ai = new AiStore(store);
            store.write(tx -> AiStore.analysis(tx, new AiAnalysis(0, 5 * h, "b1", "BTC/USDT", new BigDecimal("0.1"),
                    new BigDecimal("100"), "llama", "sha", null, AiAnalysis.Decision.VETO, BigDecimal.ZERO, "no",
                    40, AiAnalysis.Outcome.ANSWERED)));
            assertThat(ai.vetoes("b1", 0, 5)).singleElement().extracting(AiAnalysis::factor).isEqualTo(BigDecimal.ZERO);
            assertThat(ai.recent(5)).hasSize(1);

            PluginTrustStore trust = new PluginTrustStore(store);
            trust.approve("ab12", "one.jar", 1);
            trust.approve("ab12", "again.jar", 2);
            assertThat(trust.approved()).containsExactly("ab12");
        }
    }
}
