package dev.flotilla.ui.screen.history;

import dev.flotilla.engine.event.AccountEvent;
import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.OrderEvent;
import dev.flotilla.engine.event.PositionEvent;
import dev.flotilla.engine.event.RiskEvent;
import dev.flotilla.engine.event.SystemEvent;
import dev.flotilla.engine.model.ParamChange;
import dev.flotilla.ui.Fmt;
import dev.flotilla.ui.fx.Pulse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The event log: the engine's events as they arrive, newest first, the same ones the log file has at INFO
 * (ticks and hourly equity snapshots are left out), kept to the last {@link #MAX} and filterable by bot.
 */
public final class EventLogModel {

    public static final int MAX = 2_000;

    private final ObservableList<LogEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<LogEntry> shown = new FilteredList<>(entries);
    private final ObjectProperty<String> botId = new SimpleObjectProperty<>();

    public EventLogModel() {
        botId.addListener((o, a, b) -> shown.setPredicate(b == null ? null : e -> b.equals(e.botId())));
    }

    public ObjectProperty<String> botId() {
        return botId;
    }

    public FilteredList<LogEntry> shown() {
        return shown;
    }

    /** FX thread: one insertion per pulse, however many events it brings. */
    public void onPulse(Pulse p) {
        List<LogEntry> fresh = new ArrayList<>();
        for (EngineEvent e : p.events()) {
            LogEntry entry = entry(e);
            if (entry != null) fresh.addFirst(entry);
        }
        if (fresh.isEmpty()) return;
        if (fresh.size() > MAX) fresh = fresh.subList(0, MAX);
        entries.addAll(0, fresh);
        if (entries.size() > MAX) entries.remove(MAX, entries.size());
    }

    static LogEntry entry(EngineEvent e) {
        String type = e.type().name();
        return switch (e) {
            case BotEvent.TickCompleted t -> null;
            case AccountEvent.EquitySnapshot s -> null;
            case BotEvent.SignalGenerated s -> info(e, s.signal() + ": " + s.reason());
            case BotEvent.BotError b -> new LogEntry(e.time(), type, e.botId(), b.cause(), LogEntry.Level.ERROR);
            case BotEvent.ParamsChanged c -> info(e, (c.kind() == ParamChange.Kind.STRATEGY ? "strategy" : "risk limits")
                    + " changed by " + c.source() + ": " + String.join(", ", ParamChange.lines(c.oldValues(), c.newValues())));
            case BotEvent b -> info(e, b instanceof BotEvent.BotStarted ? "started" : "stopped");
            case OrderEvent.OrderSubmitted o -> info(e, o.side() + " " + Fmt.qty(o.qty()) + " " + o.symbol() + " (" + o.purpose() + ")");
            case OrderEvent.OrderFilled o -> info(e, o.side() + " " + Fmt.qty(o.qty()) + " " + o.symbol() + " @ "
                    + Fmt.price(o.price()) + ", fee " + Fmt.money(o.fee()) + " USDT");
            case OrderEvent.OrderRejected o -> new LogEntry(e.time(), type, e.botId(), o.clientOrderId() + ": " + o.reason(),
                    LogEntry.Level.WARN);
            case PositionEvent.PositionOpened o -> info(e, Fmt.qty(o.qty()) + " " + o.symbol() + " @ " + Fmt.price(o.entryPrice())
                    + ", stop " + Fmt.price(o.stopPrice()));
            case PositionEvent.PositionClosed c -> info(e, Fmt.qty(c.qty()) + " " + c.symbol() + " @ " + Fmt.price(c.exitPrice())
                    + " (" + c.exitReason() + "), PnL " + Fmt.signedMoney(c.realizedPnl()) + " USDT");
            case RiskEvent.RiskRejected r -> warn(e, r.code() + ": " + r.detail());
            case RiskEvent.CircuitBreakerFired r -> warn(e, r.breaker() + ": " + r.detail());
            case RiskEvent.TradingStateChanged r -> warn(e, r.from() + " -> " + r.to() + ": " + r.reason());
            case RiskEvent r -> warn(e, r.toString());
            case SystemEvent.ReconciliationMismatch s -> new LogEntry(e.time(), type, e.botId(), s.detail(), LogEntry.Level.ERROR);
            case SystemEvent.RateLimitWarning s -> warn(e, s.detail());
            case SystemEvent.PluginChanged c -> plugin(c);
            case SystemEvent s -> warn(e, s.toString());
        };
    }

    /** "plug-in sma.jar loaded: sma-cross"; a failure at ERROR, a jar waiting for approval at WARN. */
    static LogEntry plugin(SystemEvent.PluginChanged c) {
        String jar = "plug-in " + c.file();
        String detail = Objects.toString(c.detail(), "");
        String sha = c.sha256() == null || c.sha256().length() < 12 ? "" : " (SHA-256 " + c.sha256().substring(0, 12) + "…)";
        return switch (c.status()) {
            case "FAILED" -> new LogEntry(c.time(), c.type().name(), null, jar + " failed: " + detail, LogEntry.Level.ERROR);
            case "AWAITING_APPROVAL" -> warn(c, jar + sha + " waits for approval: File > Plug-ins…");
            case "REFUSED" -> info(c, jar + sha + " not loaded: " + detail);
            default -> info(c, jar + " " + detail);  // LOADED, REPLACED: "loaded: sma-cross", "replaced version …: sma-cross"
        };
    }

    private static LogEntry info(EngineEvent e, String text) {
        return new LogEntry(e.time(), e.type().name(), e.botId(), text, LogEntry.Level.INFO);
    }

    private static LogEntry warn(EngineEvent e, String text) {
        return new LogEntry(e.time(), e.type().name(), e.botId(), Objects.toString(text, ""), LogEntry.Level.WARN);
    }
}
