package dev.flotilla.engine.store;

import static dev.flotilla.engine.store.jooq.Tables.BACKTEST_EQUITY;
import static dev.flotilla.engine.store.jooq.Tables.BACKTEST_RESULTS;
import static dev.flotilla.engine.store.jooq.Tables.BACKTEST_RUNS;
import static dev.flotilla.engine.store.jooq.Tables.BACKTEST_TRADES;

import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.EquityCurve;
import dev.flotilla.engine.model.Performance;
import dev.flotilla.engine.model.RunFigures;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.store.jooq.tables.records.BacktestResultsRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * Stored backtest runs: what was asked, the figures per bot and for the fleet, the trades and the equity. These tables
 * sit apart from the live books; nothing here reads or changes a bot, an order or a position of the fleet.
 */
public final class BacktestStore {

    /** A stored run, as asked and as it went. */
    public record Run(long id, long createdAt, String market, long from, long to, BigDecimal feeBps, BigDecimal slippageBps,
                      int fills, String fillsDigest, long wallMs, String label) {
    }

    private final Store store;

    public BacktestStore(Store store) {
        this.store = store;
    }

    /** Stores one run in one transaction and returns its id ({@code entry}'s own run id is not used). */
    public long save(Entry entry) {
        return saveAll(List.of(entry)).getFirst();
    }

    /**
     * One run to store: as asked, its figures (every bot's, then the fleet's), and its trades and equity by bot id (the
     * fleet's under {@link RunFigures#FLEET}), which may be empty.
     */
    public record Entry(Run run, List<RunFigures> figures, List<ClosedTrade> trades, Map<String, EquityCurve> equity) {
    }

    /** Stores many runs (a sweep's) in one transaction; returns their ids in order. */
    public List<Long> saveAll(List<Entry> entries) {
        return store.writeAndGet(tx -> {
            List<Long> ids = new java.util.ArrayList<>();
            for (Entry e : entries) ids.add(insert(tx.dsl(), e.run(), e.figures(), e.trades(), e.equity()));
            return ids;
        });
    }

    private static long insert(DSLContext db, Run run, List<RunFigures> figures, List<ClosedTrade> trades,
                               Map<String, EquityCurve> equity) {
        long id = db.insertInto(BACKTEST_RUNS)
                .set(BACKTEST_RUNS.CREATED_AT, run.createdAt()).set(BACKTEST_RUNS.MARKET, run.market())
                .set(BACKTEST_RUNS.PERIOD_FROM, run.from()).set(BACKTEST_RUNS.PERIOD_TO, run.to())
                .set(BACKTEST_RUNS.FEE_BPS, Num.str(run.feeBps())).set(BACKTEST_RUNS.SLIPPAGE_BPS, Num.str(run.slippageBps()))
                .set(BACKTEST_RUNS.FILLS, (long) run.fills()).set(BACKTEST_RUNS.FILLS_DIGEST, run.fillsDigest())
                .set(BACKTEST_RUNS.WALL_MS, run.wallMs()).set(BACKTEST_RUNS.LABEL, run.label())
                .returning(BACKTEST_RUNS.ID).fetchOne(BACKTEST_RUNS.ID);
        var results = db.insertInto(BACKTEST_RESULTS).columns(BACKTEST_RESULTS.RUN_ID, BACKTEST_RESULTS.BOT_ID,
                BACKTEST_RESULTS.SEQ, BACKTEST_RESULTS.STRATEGY, BACKTEST_RESULTS.SYMBOL, BACKTEST_RESULTS.TIMEFRAME, BACKTEST_RESULTS.PARAMS,
                BACKTEST_RESULTS.CAPITAL, BACKTEST_RESULTS.FINAL_EQUITY, BACKTEST_RESULTS.TOTAL_RETURN, BACKTEST_RESULTS.CAGR,
                BACKTEST_RESULTS.MAX_DRAWDOWN, BACKTEST_RESULTS.MAX_DRAWDOWN_MS, BACKTEST_RESULTS.SHARPE,
                BACKTEST_RESULTS.SORTINO, BACKTEST_RESULTS.CALMAR, BACKTEST_RESULTS.WIN_RATE, BACKTEST_RESULTS.PROFIT_FACTOR,
                BACKTEST_RESULTS.TRADES, BACKTEST_RESULTS.AVG_HOLDING_MS, BACKTEST_RESULTS.TIME_IN_MARKET,
                BACKTEST_RESULTS.FEES, BACKTEST_RESULTS.BUY_AND_HOLD);
        long order = 0;
        for (RunFigures f : figures) {
            Performance p = f.performance();
            results = results.values(id, f.id(), order++, f.strategy(), f.symbol(), f.timeframe(), Json.params(f.params()),
                    f.capital(), f.finalEquity(), real(p.totalReturn()), real(p.cagr()), real(p.maxDrawdown()),
                    p.maxDrawdownMs(), real(p.sharpe()), real(p.sortino()), real(p.calmar()), real(p.winRate()),
                    real(p.profitFactor()), (long) p.trades(), p.averageHoldingMs(), real(p.timeInMarket()), p.fees(),
                    real(f.buyAndHold()));
        }
        if (!figures.isEmpty()) results.execute();
        long seq = 0;
        for (List<ClosedTrade> chunk : chunks(trades, 500)) {
            var insert = db.insertInto(BACKTEST_TRADES).columns(BACKTEST_TRADES.RUN_ID, BACKTEST_TRADES.SEQ,
                    BACKTEST_TRADES.BOT_ID, BACKTEST_TRADES.SYMBOL, BACKTEST_TRADES.QTY, BACKTEST_TRADES.ENTRY_PRICE,
                    BACKTEST_TRADES.EXIT_PRICE, BACKTEST_TRADES.NET_PNL, BACKTEST_TRADES.FEES, BACKTEST_TRADES.OPENED_AT,
                    BACKTEST_TRADES.CLOSED_AT, BACKTEST_TRADES.EXIT_REASON);
            for (ClosedTrade t : chunk) {
                insert = insert.values(id, seq++, t.botId(), t.symbol().toString(), Num.str(t.qty()), Num.str(t.entryPrice()),
                        Num.str(t.exitPrice()), Num.str(t.netPnl()), Num.str(t.fees()), t.openedAt(), t.closedAt(),
                        t.exitReason());
            }
            insert.execute();
        }
        for (var e : equity.entrySet()) {
            EquityCurve c = e.getValue();
            for (int from = 0; from < c.size(); from += 1_000) {
                var insert = db.insertInto(BACKTEST_EQUITY).columns(BACKTEST_EQUITY.RUN_ID, BACKTEST_EQUITY.BOT_ID,
                        BACKTEST_EQUITY.TAKEN_AT, BACKTEST_EQUITY.EQUITY);
                for (int i = from; i < Math.min(c.size(), from + 1_000); i++) {
                    insert = insert.values(id, e.getKey(), c.times()[i], c.equity()[i]);
                }
                insert.execute();
            }
        }
        return id;
    }

    /** The most recent runs, newest first. */
    public List<Run> runs(int limit) {
        return read(ctx -> ctx.selectFrom(BACKTEST_RUNS).orderBy(BACKTEST_RUNS.ID.desc()).limit(limit).fetch(BacktestStore::run));
    }

    private static Run run(dev.flotilla.engine.store.jooq.tables.records.BacktestRunsRecord r) {
        return new Run(r.getId(), r.getCreatedAt(), r.getMarket(), r.getPeriodFrom(), r.getPeriodTo(), Num.dec(r.getFeeBps()),
                Num.dec(r.getSlippageBps()), r.getFills().intValue(), r.getFillsDigest(), r.getWallMs(), r.getLabel());
    }

    public Optional<Run> run(long id) {
        return read(ctx -> ctx.selectFrom(BACKTEST_RUNS).where(BACKTEST_RUNS.ID.eq(id)).fetchOptional(BacktestStore::run));
    }

    /** A run's figures in the order they were saved: its bots as they ran, then the fleet. */
    public List<RunFigures> figures(long runId) {
        return read(ctx -> ctx.selectFrom(BACKTEST_RESULTS).where(BACKTEST_RESULTS.RUN_ID.eq(runId))
                .orderBy(BACKTEST_RESULTS.SEQ).fetch(BacktestStore::figures));
    }

    /** The first figures (its one bot's) of every run stored under exactly this label, in the order they were stored. */
    public List<RunFigures> figuresLabelled(String label) {
        return read(ctx -> ctx.select(BACKTEST_RESULTS.fields()).from(BACKTEST_RESULTS).join(BACKTEST_RUNS)
                .on(BACKTEST_RUNS.ID.eq(BACKTEST_RESULTS.RUN_ID))
                .where(BACKTEST_RUNS.LABEL.eq(label)).and(BACKTEST_RESULTS.SEQ.eq(0L))
                .orderBy(BACKTEST_RUNS.ID).fetch(r -> figures(r.into(BACKTEST_RESULTS))));
    }

    public List<ClosedTrade> trades(long runId) {
        return read(ctx -> ctx.selectFrom(BACKTEST_TRADES).where(BACKTEST_TRADES.RUN_ID.eq(runId))
                .orderBy(BACKTEST_TRADES.SEQ)
                .fetch(r -> new ClosedTrade(r.getBotId(), Symbol.parse(r.getSymbol()), Num.dec(r.getQty()),
                        Num.dec(r.getEntryPrice()), Num.dec(r.getExitPrice()), Num.dec(r.getNetPnl()), r.getOpenedAt(),
                        r.getClosedAt(), r.getExitReason(), Num.dec(r.getFees()))));
    }

    /** A bot's (or the fleet's) equity in a run, oldest first. */
    public EquityCurve equity(long runId, String botId) {
        return read(ctx -> {
            var rows = ctx.select(BACKTEST_EQUITY.TAKEN_AT, BACKTEST_EQUITY.EQUITY).from(BACKTEST_EQUITY)
                    .where(BACKTEST_EQUITY.RUN_ID.eq(runId)).and(BACKTEST_EQUITY.BOT_ID.eq(botId))
                    .orderBy(BACKTEST_EQUITY.TAKEN_AT).fetch();
            long[] times = new long[rows.size()];
            double[] equity = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                times[i] = rows.get(i).value1();
                equity[i] = rows.get(i).value2();
            }
            return new EquityCurve(times, equity);
        });
    }

    private static RunFigures figures(BacktestResultsRecord r) {
        Performance p = new Performance(num(r.getTotalReturn()), num(r.getCagr()), num(r.getMaxDrawdown()),
                r.getMaxDrawdownMs(), num(r.getSharpe()), num(r.getSortino()), num(r.getCalmar()), num(r.getWinRate()),
                num(r.getProfitFactor()), r.getTrades().intValue(), r.getAvgHoldingMs(), num(r.getTimeInMarket()), r.getFees());
        return new RunFigures(r.getBotId(), r.getStrategy(), r.getSymbol(), r.getTimeframe(), Json.params(r.getParams()),
                r.getCapital(), r.getFinalEquity(), p, num(r.getBuyAndHold()));
    }

    /** SQLite has no NaN: a figure that does not exist is NULL. */
    private static Double real(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static double num(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i += size) out.add(list.subList(i, Math.min(list.size(), i + size)));
        return out;
    }

    private <T> T read(Function<DSLContext, T> query) {
        return store.read(query);
    }
}
