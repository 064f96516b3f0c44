package dev.flotilla.engine.query;

import dev.flotilla.engine.api.BotChart;
import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.api.ChartLine;
import dev.flotilla.engine.api.ChartTimeframe;
import dev.flotilla.engine.api.EngineReads;
import dev.flotilla.engine.api.EquityPoint;
import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.api.PositionView;
import dev.flotilla.engine.api.TradeMarker;
import dev.flotilla.engine.api.TradeView;
import dev.flotilla.engine.loop.EquitySnapshots;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.Order;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.store.AiStore;
import dev.flotilla.engine.store.HistoryReads;
import dev.flotilla.engine.store.RiskStore;
import dev.flotilla.engine.risk.BotLimits;
import dev.flotilla.engine.risk.ExitRules;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.Bars;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.ta4j.core.BarSeries;

/**
 * The console's reads: committed rows from the store, completed with the latest snapshot for what only the
 * running engine knows (marks, unrealized PnL). Safe on any thread; none touches the engine's own objects.
 */
public final class Queries implements EngineReads {

    private final Store store;
    private final StrategyRegistry registry;
    private final Supplier<FleetSnapshot> snapshot;

    public Queries(Store store, StrategyRegistry registry, Supplier<FleetSnapshot> snapshot) {
        this.store = store;
        this.registry = registry;
        this.snapshot = snapshot;
    }

    private HistoryReads history() {
        return store.history();
    }

    @Override
    public List<Order> orders(String botId, int limit) {
        return history().recentOrders(botId, limit);
    }

    @Override
    public List<TradeView> trades(String botId, int limit) {
        return history().recentFills(botId, Long.MIN_VALUE, limit).stream().map(p -> new TradeView(p.fill().filledAt(),
                p.fill().botId(), p.fill().symbol().toString(), p.fill().side(), p.fill().qty(), p.fill().price(),
                p.fill().fee(), p.purpose(), p.fill().clientOrderId())).toList();
    }

    @Override
    public List<PositionView> positions(String botId, int limit) {
        List<PositionView> out = new ArrayList<>();
        Map<String, BotView> views = views();
        for (Position p : store.openPositions().values()) {
            if (botId != null && !botId.equals(p.botId())) continue;
            BotView v = views.get(p.botId());
            var pnl = v == null ? null : v.unrealizedPnl();
            var last = v == null || p.qty().signum() == 0 ? null
                    : p.entryPrice().add(v.unrealizedPnl().divide(p.qty(), 8, java.math.RoundingMode.HALF_EVEN));
            out.add(new PositionView(p.botId(), p.symbol().toString(), true, p.qty(), p.entryPrice(), p.stopPrice(), last,
                    pnl, p.openedAt(), null, null));
        }
        for (ClosedTrade t : history().recentClosedTrades(botId, Math.max(0, limit - out.size()))) {
            out.add(new PositionView(t.botId(), t.symbol().toString(), false, t.qty(), t.entryPrice(), null, t.exitPrice(),
                    t.netPnl(), t.openedAt(), t.closedAt(), t.exitReason()));
        }
        return out;
    }

    @Override
    public List<EquityPoint> equity(String botId, int limit) {
        return history().equityHistory(botId == null ? EquitySnapshots.FLEET : botId, limit).entrySet().stream()
                .map(e -> new EquityPoint(e.getKey(), e.getValue())).toList();
    }

    @Override
    public Optional<BotChart> chart(String botId, int bars, ChartTimeframe shownAs) {
        Optional<BotSpec> found = store.bot(botId);
        if (found.isEmpty()) return Optional.empty();
        BotSpec spec = found.get();
        // a length the bot's candles do not fit (shorter than its own, or not a multiple) shows its own
        ChartTimeframe view = shownAs == null || !shownAs.fits(spec.timeframe()) ? ChartTimeframe.of(spec.timeframe()) : shownAs;
        long ratio = view.millis() / spec.timeframe().millis();
        // the bars of the bot's own candles the shown ones need, and one merged candle more for the oldest's start
        int own = (int) Math.min(MAX_CHART_BARS, (bars + (ratio > 1 ? 1 : 0)) * ratio);
        FleetSnapshot now = snapshot.get();
        int warmup = registry.warmupBars(spec.strategy(), spec.params());
        List<Candle> candles = store.candles(spec.feed(), now.engineTime(), own + warmup);
        int from = Math.max(0, candles.size() - own);
        List<ChartLine> lines = List.of();
        if (!candles.isEmpty()) {
            BarSeries series = Bars.series(spec.feed().toString(), spec.timeframe(), candles);
            lines = registry.type(spec.strategy()).indicators(series, spec.params()).stream()
                    .map(l -> new ChartLine(l.name(), switch (l.panel()) {
                        case PRICE -> ChartLine.Panel.PRICE;
                        case LOWER -> ChartLine.Panel.LOWER;
                    }, Arrays.copyOfRange(l.values(), from, l.values().length)))
                    .toList();
        }
        candles = candles.subList(from, candles.size());
        if (ratio > 1) {
            MergedCandles merged = MergedCandles.of(candles, lines, view.millis(), bars);
            candles = merged.candles();
            lines = merged.lines();
        }
        List<Candle> shown = List.copyOf(candles);
        long since = shown.isEmpty() ? Long.MAX_VALUE : shown.getFirst().openTime();
        Map<String, java.math.BigDecimal> pnl = history().pnlByExitOrder(botId, since);
        List<TradeMarker> markers = new ArrayList<>(history().recentFills(botId, since, 1_000).reversed().stream()
                .map(p -> new TradeMarker(p.fill().filledAt(), p.fill().side(), p.fill().price().doubleValue(), p.purpose(),
                        p.reason(), p.fill().clientOrderId(), pnl.get(p.fill().clientOrderId())))
                .toList());
        for (var a : new AiStore(store).vetoes(botId, since, 200)) {
            markers.add(new TradeMarker(a.at(), Side.BUY, a.price().doubleValue(), TradeMarker.AI_VETO, a.reason()));
        }
        BotView v = views().get(botId);
        return Optional.of(new BotChart(botId, spec.strategy(), spec.symbol().toString(), view.label(), shown,
                lines, markers, v == null ? null : v.entryPrice(), v == null ? null : v.stopPrice(), takeProfit(botId),
                spec.timeframe().label()));
    }

    /** The take-profit level of the bot's open position under its stored limits, or null (flat, or the limit off). */
    private java.math.BigDecimal takeProfit(String botId) {
        Position p = store.openPositions().get(botId);
        if (p == null) return null;
        Map<String, String> stored = new RiskStore(store).limits().getOrDefault(botId, Map.of());
        return ExitRules.takeProfit(p, BotLimits.DEFAULTS.with(stored));
    }

    private Map<String, BotView> views() {
        Map<String, BotView> m = new java.util.HashMap<>();
        for (BotView b : snapshot.get().bots()) m.put(b.id(), b);
        return m;
    }
}
