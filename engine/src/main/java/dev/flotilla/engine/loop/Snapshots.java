package dev.flotilla.engine.loop;

import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.risk.RiskGateway;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Publishes an immutable picture of the fleet for other threads, rebuilt at most ten times a second of wall
 * time so that a fast simulation does not spend its time drawing pictures nobody looks at.
 */
public final class Snapshots {

    private static final long MIN_INTERVAL_NANOS = 100_000_000L;

    private volatile String mode;
    private final RiskGateway risk;
    private final java.util.function.Supplier<String> engineHalt;
    private volatile FleetSnapshot latest;
    private long builtAt;

    /** @param engineHalt why the engine itself holds the fleet (a reconciliation mismatch), or null */
    public Snapshots(String mode, RiskGateway risk, java.util.function.Supplier<String> engineHalt) {
        this.mode = mode;
        this.risk = risk;
        this.engineHalt = engineHalt;
        this.latest = new FleetSnapshot(0, mode, "ACTIVE", List.of(), BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
    }

    public FleetSnapshot latest() {
        return latest;
    }

    /** A new badge, e.g. after a speed change; shown from the next refresh. */
    public void mode(String m) {
        this.mode = m;
    }

    public void refresh(long now, Collection<BotRuntime> bots, boolean force) {
        long t = System.nanoTime();
        if (!force && t - builtAt < MIN_INTERVAL_NANOS) return;
        builtAt = t;
        List<BotView> views = new ArrayList<>(bots.size());
        BigDecimal equity = BigDecimal.ZERO;
        BigDecimal capital = BigDecimal.ZERO;
        int running = 0;
        int open = 0;
        for (BotRuntime b : bots) {
            Position p = b.position();
            BigDecimal e = money(b.equity());
            views.add(new BotView(b.id(), b.spec().strategy(), b.spec().symbol().toString(), b.spec().timeframe().label(),
                    b.state().status(), e, money(b.account().cash()), p == null ? BigDecimal.ZERO : p.qty(),
                    p == null ? null : p.entryPrice(), p == null ? null : p.stopPrice(), money(b.unrealized()),
                    money(b.account().realizedPnl().subtract(b.account().fees())), money(b.account().fees()),
                    b.state().lastTickAt() == null ? 0 : b.state().lastTickAt(), b.state().lastError()));
            equity = equity.add(e);
            capital = capital.add(b.spec().capital());
            if (b.running()) running++;
            if (p != null) open++;
        }
        String state = risk.refreshStatus(now).fleetState().name();
        if (engineHalt.get() != null) state = "HALTED";
        latest = new FleetSnapshot(now, mode, state, List.copyOf(views), equity, capital, running, open);
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }
}
