package dev.flotilla.engine.risk;

import dev.flotilla.engine.store.OnBothStores;
import static dev.flotilla.engine.risk.RiskFixture.HOUR;
import static dev.flotilla.engine.risk.RiskFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.event.RiskEvent;
import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.model.ParamChange;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.engine.model.Side;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each check at its boundary: a value just inside the limit passes, one at the limit and one beyond it are
 * refused with the check's reason code, a stored risk event and a RISK_REJECTED event. Four bots of 10,000 USDT:
 * aggregate capital 40,000. Every case starts from a fresh store.
 */
@OnBothStores
class RiskGatewayBoundaryTest {

    static final long NOW = T0 + HOUR;

    @TempDir
    Path dir;
    private int cases;

    private RiskFixture fixture(String... symbols) {
        RiskFixture f = RiskFixture.open(dir.resolve("case" + cases++), RiskFixture.bots(symbols), PriceHistory.NONE);
        f.prices("BTC/USDT", "100", "ETH/USDT", "100", "SOL/USDT", "100", "BNB/USDT", "100");
        return f;
    }

    private static final String[] FOUR = {"BTC/USDT", "ETH/USDT", "SOL/USDT", "BNB/USDT"};

    /** Runs {@code decide} (which may prepare the fixture with the value) on a fresh fixture for each value. */
    private void boundary(ReasonCode code, String[] symbols, Consumer<RiskFixture> setup,
                          BiFunction<RiskFixture, String, Intent> decide, String inside, String at, String beyond) {
        try (RiskFixture f = fixture(symbols)) {
            setup.accept(f);
            assertThat(f.review(NOW, decide.apply(f, inside))).as(code + " just inside (" + inside + ") " + f.lastRejection()).hasSize(1);
            assertThat(f.lastRejection()).isNull();
        }
        for (String v : List.of(at, beyond)) {
            try (RiskFixture f = fixture(symbols)) {
                setup.accept(f);
                Intent in = decide.apply(f, v);
                assertThat(f.review(NOW, in)).as(code + " at or beyond (" + v + ")").isEmpty();
                RiskRecord r = f.lastRejection();
                assertThat(r.code()).isEqualTo(code.name());
                assertThat(r.botId()).isEqualTo(in.bot().id());
                assertThat(r.intent()).isEqualTo(RiskGateway.describe(in));
                assertThat(r.numbers()).startsWith("{").endsWith("}");
                assertThat(f.events).filteredOn(e -> e instanceof RiskEvent.RiskRejected rr && rr.code().equals(code.name()))
                        .hasSize(1);
            }
        }
    }

    private static Consumer<RiskFixture> nothing() {
        return f -> { };
    }

    private static BiFunction<RiskFixture, String, Intent> buyQty(String bot) {
        return (f, qty) -> f.entry(bot, qty, "100");
    }

    private static BiFunction<RiskFixture, String, Intent> cashThenBuy(String cashBot, String buyer) {
        return (f, cash) -> {
            f.cash(cashBot, cash);
            return f.entry(buyer, "1", "100");
        };
    }

    @Test
    void maxPositionIs25PercentOfTheBotsCapital() {
        boundary(ReasonCode.MAX_POSITION, FOUR, nothing(), buyQty("a"), "24.99", "25", "26");
        try (RiskFixture f = fixture(FOUR)) {
            f.review(NOW, f.entry("a", "25", "100"));
            assertThat(f.lastRejection().numbers()).contains("\"value\":2500", "\"limit\":2500");
            assertThat(f.lastRejection().detail()).contains("25%", "2500.00");
        }
    }

    @Test
    void maxOrderValueIs5000() {
        boundary(ReasonCode.MAX_ORDER_VALUE, FOUR, f -> f.gateway.setBotLimits("a", Map.of("maxPosition", "1"), 0, ParamChange.CONSOLE),
                buyQty("a"), "49.99", "50", "60");
    }

    @Test
    void maxPositionValuePerSymbolCountsWhatOtherBotsHoldInIt() {
        boundary(ReasonCode.MAX_SYMBOL_VALUE, new String[] {"BTC/USDT", "BTC/USDT", "ETH/USDT", "SOL/USDT"}, f -> {
            f.gateway.setPortfolioLimits(Map.of("maxSymbolValue", "3000"));
            assertThat(f.review(NOW, f.entry("b", "10", "100"))).hasSize(1);
        }, buyQty("a"), "19.99", "20", "24");
    }

    @Test
    void oneAssetIsAtMost25PercentOfAggregateCapital() {
        boundary(ReasonCode.ASSET_CONCENTRATION, new String[] {"BTC/USDT", "BTC/USDT", "ETH/USDT", "SOL/USDT"}, f -> {
            f.gateway.setPortfolioLimits(Map.of("maxOrderValue", "1000000"));
            f.gateway.setBotLimits("a", Map.of("maxPosition", "1"), 0, ParamChange.CONSOLE);
            f.gateway.setBotLimits("b", Map.of("maxPosition", "1"), 0, ParamChange.CONSOLE);
            assertThat(f.review(NOW, f.entry("b", "40", "100"))).hasSize(1);
        }, buyQty("a"), "59.99", "60", "70");
    }

    @Test
    void totalExposureIsAtMost50PercentOfAggregateCapital() {
        boundary(ReasonCode.EXPOSURE_LIMIT, FOUR, f -> {
            f.gateway.setPortfolioLimits(Map.of("maxOrderValue", "1000000", "maxAsset", "1"));
            for (String id : List.of("a", "b", "c")) f.gateway.setBotLimits(id, Map.of("maxPosition", "1"), 0, ParamChange.CONSOLE);
            assertThat(f.review(NOW, f.entry("b", "90", "100"), f.entry("c", "90", "100"))).hasSize(2);
        }, buyQty("a"), "19.99", "20", "30");
    }

    @Test
    void thePriceCollarIs2PercentFromTheLastTradePriceOnEitherSide() {
        boundary(ReasonCode.PRICE_COLLAR, FOUR, nothing(), (f, price) -> f.entry("a", "1", price), "101.99", "102", "110");
        boundary(ReasonCode.PRICE_COLLAR, FOUR, nothing(), (f, price) -> f.entry("a", "1", price), "98.01", "98", "90");
        boundary(ReasonCode.PRICE_COLLAR, FOUR, nothing(), (f, price) -> f.exit("a", price), "101.99", "102", "110");
    }

    @Test
    void maxTradesPerUtcDayCountsTheDaysEntries() {
        boundary(ReasonCode.MAX_TRADES_PER_DAY, FOUR, nothing(), (f, trades) -> {
            for (int i = 0; i < Integer.parseInt(trades); i++) {
                assertThat(f.trade(NOW - HOUR / 2 + i, f.entry("a", "1", "100"))).hasSize(1);
                assertThat(f.trade(NOW - HOUR / 2 + i, f.exit("a", "100"))).hasSize(1);
            }
            f.gateway.setBotLimits("a", Map.of("maxTradesPerDay", "2"), 0, ParamChange.CONSOLE);
            return f.entry("a", "1", "100");
        }, "1", "2", "3");
    }

    @Test
    void theDailyLossLimitIs5PercentOfTheDaysOpeningEquity() {
        boundary(ReasonCode.DAILY_LOSS_LIMIT, FOUR, f -> f.gateway.setBotLimits("a", Map.of("drawdown", "1"), 0, ParamChange.CONSOLE),
                cashThenBuy("a", "a"), "9500.01", "9500", "9000");
    }

    @Test
    void theDrawdownBreakerIs20PercentBelowTheBotsPeakAndStopsExitsToo() {
        boundary(ReasonCode.DRAWDOWN_BREAKER, FOUR, f -> {
                    f.gateway.setBotLimits("a", Map.of("dailyLoss", "1"), 0, ParamChange.CONSOLE);
                    f.gateway.setPortfolioLimits(Map.of("fleetDailyLoss", "1"));
                },
                cashThenBuy("a", "a"), "8000.01", "8000", "7000");
        boundary(ReasonCode.DRAWDOWN_BREAKER, FOUR, nothing(), (f, cash) -> {
            f.cash("a", cash);
            return f.exit("a", "100");
        }, "8000.01", "8000", "7000");
    }

    @Test
    void theFleetDailyLossBreakerIs3PercentOfTheDaysOpeningAggregateEquity() {
        boundary(ReasonCode.FLEET_DAILY_LOSS, FOUR, nothing(), cashThenBuy("b", "a"), "8800.01", "8800", "8000");
    }

    @Test
    void thePortfolioDrawdownIs15PercentBelowTheAggregatePeak() {
        boundary(ReasonCode.PORTFOLIO_DRAWDOWN, FOUR, f -> f.gateway.setPortfolioLimits(Map.of("fleetDailyLoss", "1")),
                cashThenBuy("b", "a"), "4000.01", "4000", "3000");
    }

    @Test
    void anEntryNeedsAStopBelowItsPrice() {
        boundary(ReasonCode.NO_STOP_LOSS, FOUR, nothing(), (f, stop) -> new Intent(f.bot("a").book(), Side.BUY, BigDecimal.ONE,
                new BigDecimal("100"), "ENTRY", "test", new BigDecimal(stop)), "99.99", "100", "101");
        try (RiskFixture f = fixture(FOUR)) {
            assertThat(f.review(NOW, new Intent(f.bot("a").book(), Side.BUY, BigDecimal.ONE, new BigDecimal("100"), "ENTRY", "test",
                    null))).isEmpty();
            assertThat(f.lastRejection().code()).isEqualTo("NO_STOP_LOSS");
        }
    }

    @Test
    void aStopWiderThanTheBotsStopLossIsTightenedToIt() {
        try (RiskFixture f = fixture(FOUR)) {
            Intent wide = new Intent(f.bot("a").book(), Side.BUY, BigDecimal.ONE, new BigDecimal("100"), "ENTRY", "test",
                    new BigDecimal("80"));
            assertThat(f.review(NOW, wide).getFirst().stopPrice()).isEqualByComparingTo("97");
            f.gateway.setBotLimits("b", Map.of("stopLoss", "0.5"), 0, ParamChange.CONSOLE);
            Intent b = new Intent(f.bot("b").book(), Side.BUY, BigDecimal.ONE, new BigDecimal("100"), "ENTRY", "test",
                    new BigDecimal("80"));
            assertThat(f.review(NOW, b).getFirst().stopPrice()).isEqualByComparingTo("80");
        }
    }

    @Test
    void aBotOpensOnePositionAtATime() {
        try (RiskFixture f = fixture(FOUR)) {
            assertThat(f.review(NOW, f.entry("a", "1", "100"), f.entry("a", "1", "100"))).hasSize(1);
            assertThat(f.lastRejection().code()).isEqualTo("POSITION_OPEN");
            assertThat(f.trade(NOW, f.entry("b", "1", "100"))).hasSize(1);
            assertThat(f.bot("b").position()).isNotNull();
            assertThat(f.review(NOW, f.entry("b", "1", "100"))).isEmpty();
            assertThat(f.lastRejection().code()).isEqualTo("POSITION_OPEN");
        }
    }

    @Test
    void limitsChangedWhileRunningApplyFromTheNextDecision() {
        try (RiskFixture f = fixture(FOUR)) {
            assertThat(f.review(NOW, f.entry("a", "15", "100"))).hasSize(1);
            f.gateway.setBotLimits("b", Map.of("maxPosition", "0.1"), 0, ParamChange.CONSOLE);
            assertThat(f.review(NOW, f.entry("b", "15", "100"))).isEmpty();
            assertThat(f.lastRejection().code()).isEqualTo("MAX_POSITION");
            assertThat(f.review(NOW, f.entry("b", "9.99", "100"))).hasSize(1);
            assertThat(f.records.limits().get("b")).containsEntry("maxPosition", "0.1");
        }
    }
}
