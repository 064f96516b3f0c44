package dev.flotilla.engine.risk;

import static dev.flotilla.engine.risk.RiskFixture.HOUR;
import static dev.flotilla.engine.risk.RiskFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.ParamChange;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 bots over the 13 sandbox assets signal at the same engine instant, from 16 threads released together.
 * After every decision the gateway's exposure stays below 50% of aggregate capital in total and 25% per asset,
 * and an independent tally of what it approved agrees. Many seeds: bot capitals, sizes, assets and the order of
 * arrival differ; half of them also run the correlation sizer on the sandbox's own candles.
 */
class ConcurrencyTest {

    static final int BOTS = 1_000;
    static final int THREADS = 16;

    @TempDir
    Path dir;

    @Test
    void aThousandBotsSignallingAtOnceNeverTakeTheFleetPastItsExposureLimits() throws Exception {
        Map<String, Long> refusals = new TreeMap<>();
        for (long seed = 1; seed <= 8; seed++) run(seed, refusals);
        // the limits were really in the way, not just never reached
        assertThat(refusals.getOrDefault("EXPOSURE_LIMIT", 0L)).isPositive();
        assertThat(refusals.getOrDefault("ASSET_CONCENTRATION", 0L)).isPositive();
    }

    private void run(long seed, Map<String, Long> refusals) throws Exception {
        Random rnd = new Random(seed);
        List<Symbol> symbols = SandboxMarket.DEFAULT_SYMBOLS;
        Symbol hot = symbols.get(rnd.nextInt(symbols.size()));
        List<BotSpec> specs = new ArrayList<>();
        for (int i = 0; i < BOTS; i++) {
            Symbol s = rnd.nextDouble() < 0.45 ? hot : symbols.get(rnd.nextInt(symbols.size()));
            specs.add(new BotSpec(String.format("bot-%04d", i), "ema-rsi", s, Timeframe.H1, Map.of(),
                    BigDecimal.valueOf(1_000L * (1 + rnd.nextInt(50)))));
        }
        SandboxMarket market = new SandboxMarket(seed, T0 - 14 * 24 * HOUR, () -> T0);
        Map<Symbol, BigDecimal> prices = market.lastPrices(symbols);
        PriceHistory history = PriceHistory.NONE;
        if (seed % 2 == 0) {
            Map<Symbol, List<Candle>> candles = new HashMap<>();
            for (Symbol s : symbols) candles.put(s, market.closedCandles(new Feed(s, Timeframe.H1), T0 - 300 * HOUR, T0, 300));
            history = (s, tf) -> tf == Timeframe.H1 ? candles.getOrDefault(s, List.of()) : List.of();
        }
        try (RiskFixture f = RiskFixture.open(dir.resolve("seed" + seed), specs, history)) {
            f.gateway.observe(prices);
            f.gateway.setPortfolioLimits(Map.of("maxOrderValue", "100000000", "maxSymbolValue", "100000000"));
            for (BotSpec s : specs) f.gateway.setBotLimits(s.id(), Map.of("maxPosition", "1"), 0, ParamChange.CONSOLE);
            BigDecimal capital = specs.stream().map(BotSpec::capital).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal maxTotal = capital.multiply(new BigDecimal("0.5"));
            BigDecimal maxAsset = capital.multiply(new BigDecimal("0.25"));

            List<List<Intent>> slices = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) slices.add(new ArrayList<>());
            for (BotRuntime b : f.bots) {
                BigDecimal price = prices.get(b.spec().symbol());
                BigDecimal value = b.spec().capital().multiply(BigDecimal.valueOf(0.3 + 0.7 * rnd.nextDouble()));
                BigDecimal qty = value.divide(price, 6, RoundingMode.DOWN);
                slices.get(rnd.nextInt(THREADS)).add(new Intent(b.book(), Side.BUY, qty, price, "ENTRY", "signal",
                        price.multiply(new BigDecimal("0.97")).setScale(8, RoundingMode.HALF_EVEN)));
            }
            ConcurrentLinkedQueue<Intent> approved = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (List<Intent> slice : slices) {
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        for (Intent in : slice) {
                            approved.addAll(Review.approved(f.gateway.review(List.of(in), T0, new ArrayList<EngineEvent>())));
                            RiskStatus s = f.gateway.refreshStatus(T0);
                            if (s.exposure().compareTo(maxTotal) >= 0) violations.add("total " + s.exposure());
                            s.exposureBySymbol().forEach((sym, v) -> {
                                if (v.compareTo(maxAsset) >= 0) violations.add(sym + " " + v);
                            });
                        }
                    } catch (Throwable e) {
                        violations.add(e.toString());
                    }
                }));
            }
            go.countDown();
            for (Thread t : threads) t.join();

            assertThat(violations).as("seed %d", seed).isEmpty();
            BigDecimal total = BigDecimal.ZERO;
            Map<Symbol, BigDecimal> bySymbol = new TreeMap<>();
            for (Intent in : approved) {
                BigDecimal v = in.qty().multiply(in.refPrice());
                total = total.add(v);
                bySymbol.merge(in.symbol(), v, BigDecimal::add);
            }
            assertThat(total).as("seed %d total", seed).isLessThan(maxTotal);
            for (BigDecimal v : bySymbol.values()) assertThat(v).as("seed %d asset", seed).isLessThan(maxAsset);
            assertThat(f.gateway.refreshStatus(T0).exposure()).isEqualByComparingTo(total);
            Map<String, Long> counted = f.records.countByCode(RiskRecord.Kind.REJECTED);
            assertThat(counted.values().stream().mapToLong(Long::longValue).sum() + approved.size()).isEqualTo(BOTS);
            counted.forEach((code, n) -> refusals.merge(code, n, Long::sum));
            assertThat(Collections.frequency(approved.stream().map(i -> i.bot().id()).toList(), null)).isZero();
        }
    }
}
