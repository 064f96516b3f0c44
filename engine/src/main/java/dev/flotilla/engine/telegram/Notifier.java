package dev.flotilla.engine.telegram;

import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.api.TelegramApi.Kind;
import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.OrderEvent;
import dev.flotilla.engine.event.RiskEvent;
import dev.flotilla.engine.event.SystemEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns the bus's events into messages, as the console's tray does: alerts (bot errors, breakers, reconciliation
 * problems, kill switch and fleet state changes) at once, fills gathered over a window into one message, and a
 * summary of each engine day when engine time passes 00:00 UTC. Runs on the bus's delivery thread and the timer's;
 * it only formats and queues, so it never holds up either.
 */
final class Notifier implements Consumer<EngineEvent> {

    static final long DAY = 86_400_000L;
    static final int FILL_LINES = 10;

    private final Set<Kind> kinds;
    private final Consumer<String> out;
    private final Supplier<FleetSnapshot> snapshot;
    private final ScheduledExecutorService timer;
    private final long fillWindowMs;
    private final List<OrderEvent.OrderFilled> fills = new ArrayList<>();
    private long day = Long.MIN_VALUE;
    private int tradesToday;
    private BigDecimal dayStartEquity;

    /** @param out sends a text to every configured chat */
    Notifier(Set<Kind> kinds, Consumer<String> out, Supplier<FleetSnapshot> snapshot, ScheduledExecutorService timer,
             long fillWindowMs) {
        this.kinds = Set.copyOf(kinds);
        this.out = out;
        this.snapshot = snapshot;
        this.timer = timer;
        this.fillWindowMs = fillWindowMs;
    }

    @Override
    public void accept(EngineEvent e) {
        dayTurn(e.time());
        switch (e) {
            case OrderEvent.OrderFilled f -> fill(f);
            case BotEvent.BotError b when on(Kind.BOT_ERRORS) -> out.accept("❌ " + b.botId() + " stopped on an error: " + b.cause());
            case RiskEvent.CircuitBreakerFired r when on(Kind.BREAKERS) ->
                    out.accept("⚠️ Circuit breaker " + r.breaker() + " (" + (r.botId() == null ? "fleet" : r.botId()) + "): " + r.detail());
            case SystemEvent.ReconciliationMismatch m when on(Kind.RECONCILIATION) ->
                    out.accept("❗ Reconciliation problem" + (m.botId() == null ? "" : " (" + m.botId() + ")") + ": " + m.detail());
            case RiskEvent.TradingStateChanged t when t.botId() == null && on(Kind.KILL_SWITCH) ->
                    out.accept("🛑 Fleet " + t.from() + " → " + t.to() + (t.reason() == null ? "" : ": " + t.reason()));
            default -> { }
        }
    }

    private boolean on(Kind k) {
        return kinds.contains(k);
    }

    private synchronized void fill(OrderEvent.OrderFilled f) {
        tradesToday++;
        if (!on(Kind.FILLS)) return;
        fills.add(f);
        if (fills.size() == 1) timer.schedule(this::flushFills, fillWindowMs, TimeUnit.MILLISECONDS);
    }

    /** The fills of the window as one message. */
    synchronized void flushFills() {
        if (fills.isEmpty()) return;
        StringBuilder sb = new StringBuilder(fills.size() == 1 ? "1 fill:" : fills.size() + " fills:");
        for (OrderEvent.OrderFilled f : fills.subList(0, Math.min(FILL_LINES, fills.size()))) {
            sb.append("\n• ").append(f.botId()).append(' ').append(f.side()).append(' ').append(Text.num(f.qty())).append(' ')
                    .append(f.symbol()).append(" @ ").append(Text.num(f.price()));
        }
        if (fills.size() > FILL_LINES) sb.append("\n… and ").append(fills.size() - FILL_LINES).append(" more");
        fills.clear();
        out.accept(sb.toString());
    }

    /** At the first event of a new UTC day (engine time): the summary of the day that ended. */
    private synchronized void dayTurn(long time) {
        long d = Math.floorDiv(time, DAY);
        if (day == Long.MIN_VALUE) {
            day = d;
            dayStartEquity = snapshot.get().equity();
            return;
        }
        if (d <= day) return;
        FleetSnapshot s = snapshot.get();
        if (on(Kind.DAILY_SUMMARY)) {
            BigDecimal dayPnl = s.equity().subtract(dayStartEquity);
            out.accept("📊 " + LocalDate.ofInstant(Instant.ofEpochMilli(day * DAY), ZoneOffset.UTC) + " (UTC)\n"
                    + "Equity " + Text.money(s.equity()) + " USDT\n"
                    + "Day PnL " + Text.signed(dayPnl) + " USDT\n"
                    + "Trades " + tradesToday + "\n"
                    + "Total PnL " + Text.signed(s.pnl()) + " USDT, " + s.running() + "/" + s.bots().size() + " bots running");
        }
        day = d;
        tradesToday = 0;
        dayStartEquity = s.equity();
    }
}
