package dev.flotilla.engine.backtest;

import dev.flotilla.engine.api.BacktestApi;
import dev.flotilla.engine.api.InvalidInputException;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.EquityCurve;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.RunFigures;
import dev.flotilla.engine.store.BacktestStore;
import dev.flotilla.engine.store.RiskStore;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's backtests: the same {@link Backtest} and {@link Sweep} the command line runs, on the data folder's
 * fleet, limits and stored history (or the sandbox's for a seed), one job at a time on a thread of its own, each run
 * stored in the data folder's backtest tables once it is done.
 */
public final class BacktestService implements BacktestApi {

    private static final Logger log = LoggerFactory.getLogger(BacktestService.class);

    private final Store store;
    private final StrategyRegistry registry;
    private final String dataLabel;
    private final BacktestStore runs;
    private volatile BackgroundJob current;

    /** @param dataLabel how the data folder's own history is named in stored runs, e.g. "history in /path" */
    public BacktestService(Store store, StrategyRegistry registry, String dataLabel) {
        this.store = store;
        this.registry = registry;
        this.dataLabel = dataLabel;
        this.runs = new BacktestStore(store);
    }

    @Override
    public synchronized Job backtest(Draft d) {
        busy();
        List<BotSpec> bots = bots(d.botIds());
        checkPeriod(d.from(), d.to(), d.seed(), d.feeBps(), d.slippageBps());
        Backtest.Request request = new Backtest.Request(bots, d.from(), d.to(), d.feeBps(), d.slippageBps(),
                new RiskStore(store).limits(), registry);
        BackgroundJob job = new BackgroundJob("backtest of " + (bots.size() == 1 ? bots.getFirst().id() : bots.size() + " bots"));
        start(job, () -> {
            Sources.Source source = source(bots, d.from(), d.to(), d.seed());
            BacktestResult r = Backtest.run(request, source.label(), source.market(),
                    t -> job.at(Math.max(0, Math.min(1, (t - d.from()) / (double) (d.to() - d.from()))),
                            Instant.ofEpochMilli(Math.min(t, d.to())).toString().substring(0, 10)),
                    job.cancelled::get);
            return List.of(runs.save(StoredRuns.of(r, null)));
        });
        return job;
    }

    @Override
    public synchronized Job sweep(SweepDraft d) {
        busy();
        BotSpec bot = bots(List.of(d.botId())).getFirst();
        checkPeriod(d.from(), d.to(), d.seed(), d.feeBps(), d.slippageBps());
        Map<String, ParamRange> ranges = new LinkedHashMap<>();
        for (String p : d.params()) {
            try {
                ParamRange r = ParamRange.parse(p);
                if (registry.type(bot.strategy()).params().stream().noneMatch(s -> s.name().equals(r.name()))) {
                    throw new InvalidInputException("params", bot.strategy() + " has no parameter '" + r.name() + "'", null);
                }
                ranges.put(r.name(), r);
            } catch (InvalidInputException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("params", e.getMessage().replace("--param ", ""), e);
            }
        }
        if (ranges.isEmpty()) throw new InvalidInputException("params", "give at least one parameter range", null);
        Sweep.Rank rank;
        try {
            rank = Sweep.Rank.parse(d.rank());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("rank", "rank by sharpe, calmar or return", e);
        }
        if (d.workers() < 1 || d.workers() > 256) throw new InvalidInputException("workers", "from 1 to 256 workers", null);
        Map<String, Map<String, String>> limits = new RiskStore(store).limits();
        BackgroundJob job = new BackgroundJob("sweep of " + bot.id());
        start(job, () -> {
            Sources.Source source = source(List.of(bot), d.from(), d.to(), d.seed());
            Sweep sweep = new Sweep(registry, source.label(), source.market());
            Sweep.Outcome o = sweep.run(bot, ranges, d.from(), d.to(),
                    d.feeBps(), d.slippageBps(), limits, d.workers(), rank, 0,
                    (done, total) -> job.at(done / (double) total, done + " of " + total + " sets"), job.cancelled::get);
            BacktestResult best = sweep.runBest(o, d.from(), d.to(), d.feeBps(), d.slippageBps(), limits, job.cancelled::get);
            List<BacktestStore.Entry> entries = StoredRuns.ofSweep(o, best, StoredRuns.sweepLabel(bot, Instant.now()));
            return runs.saveAll(entries);
        });
        return job;
    }

    @Override
    public Optional<Job> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public List<Run> runs(int limit) {
        return runs.runs(limit).stream().map(r -> new Run(r.id(), r.createdAt(), r.market(), r.from(), r.to(), r.feeBps(),
                r.slippageBps(), r.fills(), r.fillsDigest(), r.wallMs(), r.label())).toList();
    }

    @Override
    public List<RunFigures> figures(long runId) {
        return runs.figures(runId);
    }

    @Override
    public List<RunFigures> sweepFigures(String label) {
        return runs.figuresLabelled(label);
    }

    @Override
    public EquityCurve equity(long runId, String botId) {
        return runs.equity(runId, botId);
    }

    @Override
    public List<ClosedTrade> trades(long runId) {
        return runs.trades(runId);
    }

    @Override
    public List<Candle> candles(long runId, String botId) {
        BacktestStore.Run run = runs.run(runId).orElseThrow(() -> new InvalidInputException("run", "no backtest run " + runId, null));
        RunFigures f = runs.figures(runId).stream().filter(x -> x.id().equals(botId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("bot", "run " + runId + " has no bot " + botId, null));
        Feed feed = new Feed(dev.flotilla.engine.model.Symbol.parse(f.symbol()),
                dev.flotilla.engine.model.Timeframe.parse(f.timeframe()));
        Long seed = run.market().startsWith("sandbox seed ") ? Long.valueOf(run.market().substring("sandbox seed ".length())) : null;
        Sources.Source source = seed != null ? Sources.sandbox(seed, List.of(feed), run.from(), run.to())
                : Sources.stored(store, dataLabel, List.of(feed), run.from(), run.to(), w -> { });
        long tf = feed.timeframe().millis();
        return source.history().on(run::to).closedCandles(feed, Math.floorDiv(run.from(), tf) * tf, run.to(), Integer.MAX_VALUE);
    }

    private void busy() {
        BackgroundJob j = current;
        if (j != null && !j.done()) throw new InvalidInputException("job", j.title() + " is still running", null);
    }

    private List<BotSpec> bots(List<String> ids) {
        List<BotSpec> fleet = store.bots();
        if (ids.isEmpty()) {
            if (fleet.isEmpty()) throw new InvalidInputException("bots", "the fleet has no bots", null);
            return fleet;
        }
        Map<String, BotSpec> byId = fleet.stream().collect(Collectors.toMap(BotSpec::id, b -> b, (a, b) -> a, LinkedHashMap::new));
        Set<BotSpec> chosen = new LinkedHashSet<>();
        for (String id : ids) {
            BotSpec b = byId.get(id);
            if (b == null) throw new InvalidInputException("bots", "no bot '" + id + "' in the fleet", null);
            chosen.add(b);
        }
        return List.copyOf(chosen);
    }

    private static void checkPeriod(long from, long to, Long seed, BigDecimal fee, BigDecimal slippage) {
        if (to <= from) throw new InvalidInputException("to", "the period must end after it starts", null);
        if (seed != null) {
            try {
                Sources.checkSandboxStart(from);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("from", e.getMessage(), e);
            }
        }
        if (fee == null || fee.signum() < 0 || fee.compareTo(new BigDecimal("1000")) > 0) {
            throw new InvalidInputException("fee", "a fee from 0 to 1000 basis points", null);
        }
        if (slippage == null || slippage.signum() < 0 || slippage.compareTo(new BigDecimal("1000")) > 0) {
            throw new InvalidInputException("slippage", "slippage from 0 to 1000 basis points", null);
        }
    }

    private Sources.Source source(List<BotSpec> bots, long from, long to, Long seed) {
        Set<Feed> feeds = bots.stream().map(BotSpec::feed).collect(Collectors.toCollection(LinkedHashSet::new));
        return seed != null ? Sources.sandbox(seed, feeds, from, to)
                : Sources.stored(store, dataLabel, feeds, from, to, w -> log.warn("backtest: {}", w));
    }

    private void start(BackgroundJob job, BackgroundJob.Work work) {
        current = job;
        job.start(work);
    }
}
