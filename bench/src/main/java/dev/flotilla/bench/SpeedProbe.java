package dev.flotilla.bench;

import dev.flotilla.engine.backtest.Backtest;
import dev.flotilla.engine.backtest.BacktestResult;
import dev.flotilla.engine.backtest.ParamRange;
import dev.flotilla.engine.backtest.Sources;
import dev.flotilla.engine.backtest.Sweep;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A quick timing of the backtest section's two runs on the sandbox's history made once in memory (no data folder):
 * {@code SpeedProbe sweep SETS DAYS WORKERS REPEATS} or {@code SpeedProbe fleet DAYS REPEATS}. Prints each run's wall
 * time and digest, so a change can be timed against the one before in one session.
 */
public final class SpeedProbe {

    private SpeedProbe() {
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        dev.flotilla.app.Logging.init(java.nio.file.Files.createTempDirectory("flotilla-probe"), false);  // as the app logs
        long from = BacktestSection.FROM;
        List<BotSpec> fleet = new Fleets(StrategyRegistry.builtin()).defaultFleet();
        if (args[0].equals("sweep")) {
            int sets = Integer.parseInt(args[1]);
            long to = from + Integer.parseInt(args[2]) * BacktestSection.DAY;
            int workers = Integer.parseInt(args[3]);
            BotSpec bot = fleet.stream().filter(b -> b.id().equals("ema-btc-15m")).findFirst().orElseThrow();
            Sources.Source source = Sources.sandbox(7, Set.of(bot.feed()), from, to);
            Map<String, ParamRange> ranges = sets > 20 ? BacktestSection.grid(bot, sets)
                    : Map.of("fastPeriod", ParamRange.parse("fastPeriod=5.." + (5 + sets - 1) + ":1"));
            for (int r = 0; r < Integer.parseInt(args[4]); r++) {
                long s0 = System.nanoTime();
                long c0 = cpu();
                Sweep.Outcome o = new Sweep(StrategyRegistry.builtin(), source.label(), source.market()).run(bot,
                        ranges, from, to, BigDecimal.TEN, new BigDecimal("5"), Map.of(), workers,
                        Sweep.Rank.SHARPE, 0, Sweep.Progress.NONE, () -> false);
                double wall = (System.nanoTime() - s0) / 1e9;
                StringBuilder digests = new StringBuilder();
                o.points().stream().limit(12).sorted(java.util.Comparator.comparing(p -> p.params().get("fastPeriod")))
                        .forEach(p -> digests.append(p.fillsDigest(), 0, 8).append(' '));
                double cpu = (cpu() - c0) / 1e9;
                System.out.printf("sweep %d sets x %s days, %d workers: %.2f s, %.3f s a set, CPU %.3f s a set; %s%n", o.runs(),
                        args[2], workers, wall, wall / o.runs(), cpu / o.runs(), digests);
            }
        } else {
            long to = from + Integer.parseInt(args[1]) * BacktestSection.DAY;
            Set<Feed> feeds = new TreeSet<>();
            for (BotSpec b : fleet) {
                feeds.add(b.feed());
                feeds.add(new Feed(b.symbol(), Timeframe.M15));
            }
            Sources.Source source = Sources.sandbox(7, feeds, from, to);
            for (int r = 0; r < Integer.parseInt(args[2]); r++) {
                long s0 = System.nanoTime();
                long c0 = cpu();
                BacktestResult res = Backtest.run(new Backtest.Request(fleet, from, to, BigDecimal.TEN, new BigDecimal("5"), Map.of()),
                        source.label(), source.market(), Backtest.Progress.NONE, () -> false);
                double wall = (System.nanoTime() - s0) / 1e9;
                double cpu = (cpu() - c0) / 1e9;
                System.out.printf("fleet %s days: %.2f s (a year %.1f s), CPU %.2f s, %d fills, digest %s%n", args[1], wall,
                        wall * 365 / Integer.parseInt(args[1]), cpu, res.fills(), res.fillsDigest());
            }
        }
    }
}
