package dev.flotilla.ui.shell;

import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.OrderEvent;
import dev.flotilla.engine.event.RiskEvent;
import dev.flotilla.engine.event.SystemEvent;
import dev.flotilla.ui.Fmt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Decides which tray notifications a pulse deserves. Alerts (bot errors, circuit breakers, reconciliation
 * problems, plug-ins that failed to load) are told at once, one notice per kind per pulse; fills, when wanted, at
 * most one notice every {@link #FILL_GAP_NANOS}, counting the ones in between, so a busy fleet does not bury the
 * desktop.
 */
final class Notices {

    static final long FILL_GAP_NANOS = 10_000_000_000L;

    enum Level { INFO, WARNING, ERROR }

    record Notice(String caption, String text, Level level) {
    }

    private final BooleanSupplier fills;
    private final BooleanSupplier alerts;
    private final LongSupplier nanoTime;
    private long lastFillNotice = Long.MIN_VALUE;
    private final List<OrderEvent.OrderFilled> unreported = new ArrayList<>();

    Notices(BooleanSupplier fills, BooleanSupplier alerts, LongSupplier nanoTime) {
        this.fills = fills;
        this.alerts = alerts;
        this.nanoTime = nanoTime;
    }

    List<Notice> of(List<EngineEvent> events) {
        List<Notice> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> breakers = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        List<String> plugins = new ArrayList<>();
        for (EngineEvent e : events) {
            switch (e) {
                case OrderEvent.OrderFilled f -> {
                    if (fills.getAsBoolean()) unreported.add(f);
                }
                case BotEvent.BotError b -> errors.add(b.botId() + ": " + b.cause());
                case RiskEvent.CircuitBreakerFired r -> breakers.add((r.botId() == null ? "fleet" : r.botId()) + ": " + r.detail());
                case SystemEvent.ReconciliationMismatch m -> mismatches.add(m.detail());
                case SystemEvent.PluginChanged p when "FAILED".equals(p.status()) -> plugins.add(p.file() + ": " + p.detail());
                default -> { }
            }
        }
        if (alerts.getAsBoolean()) {
            alert(out, errors, "stopped on an error", Level.ERROR);
            alert(out, breakers, "circuit breaker fired", Level.WARNING);
            alert(out, mismatches, "reconciliation problem", Level.ERROR);
            alert(out, plugins, "plug-in not loaded", Level.ERROR);
        }
        long now = nanoTime.getAsLong();
        if (!unreported.isEmpty() && (lastFillNotice == Long.MIN_VALUE || now - lastFillNotice >= FILL_GAP_NANOS)) {
            OrderEvent.OrderFilled f = unreported.getLast();
            String text = f.botId() + ": " + f.side() + " " + Fmt.qty(f.qty()) + " " + f.symbol() + " @ " + Fmt.price(f.price());
            int more = unreported.size() - 1;
            out.add(new Notice(unreported.size() == 1 ? "Fill" : unreported.size() + " fills",
                    more == 0 ? text : text + " (and " + more + " more)", Level.INFO));
            unreported.clear();
            lastFillNotice = now;
        }
        if (!fills.getAsBoolean()) unreported.clear();
        return out;
    }

    private static void alert(List<Notice> out, List<String> items, String what, Level level) {
        if (items.isEmpty()) return;
        String caption = items.size() == 1 ? capitalized(what) : items.size() + " × " + what;
        out.add(new Notice(caption, items.size() == 1 ? items.getFirst() : String.join("\n", items.subList(0, Math.min(3, items.size())))
                + (items.size() > 3 ? "\n…" : ""), level));
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
