package dev.flotilla.ui.screen.dashboard;

import dev.flotilla.engine.api.EquityPoint;
import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.ui.Fmt;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The headline of the dashboard as text, ready to bind; it works without a window. */
public final class DashboardModel {

    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stateStyle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper equity = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper equityNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dayPnl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dayPnlNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dayPnlStyle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper exposure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper exposureNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper drawdown = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper drawdownNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bots = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper botsNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper positions = new ReadOnlyStringWrapper("");
    private Figures figures;

    /** FX thread. */
    public void show(FleetSnapshot s, List<EquityPoint> fleetHistory) {
        show(s, fleetHistory, null);
    }

    /**
     * FX thread.
     *
     * @param problem why the engine holds the fleet (a reconciliation mismatch, a store problem), or null
     */
    public void show(FleetSnapshot s, List<EquityPoint> fleetHistory, String problem) {
        Figures f = Figures.of(s, fleetHistory);
        figures = f;
        state.set(s.state());
        stateStyle.set("state-" + s.state().toLowerCase(Locale.ROOT));
        equity.set(Fmt.money(f.equity()) + " USDT");
        equityNote.set("PnL " + Fmt.signedMoney(s.pnl()) + " on " + Fmt.money(s.capital()) + " capital");
        dayPnl.set(Fmt.signedMoney(f.dayPnl()) + " USDT");
        dayPnlNote.set(Fmt.signedPercent(f.dayPnlFraction()) + " since 00:00 UTC");
        dayPnlStyle.set(f.dayPnl().signum() > 0 ? "pnl-up" : f.dayPnl().signum() < 0 ? "pnl-down" : "");
        exposure.set(Fmt.percent(f.exposure()));
        exposureNote.set(Fmt.money(f.positionValue()) + " USDT in " + s.openPositions() + " positions");
        drawdown.set(Fmt.percent(f.drawdown()));
        drawdownNote.set("below the peak of " + Fmt.money(f.peak()));
        bots.set(s.running() + " of " + s.bots().size() + " running");
        positions.set(s.openPositions() + (s.openPositions() == 1 ? " holds a position" : " hold a position"));
        long errors = s.bots().stream().filter(b -> b.status().name().equals("ERROR")).count();
        botsNote.set(problem != null ? problem
                : errors == 0 ? "no errors" : errors + (errors == 1 ? " bot" : " bots") + " in ERROR");
    }

    public Figures figures() {
        return figures;
    }

    public ReadOnlyStringProperty state() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stateStyle() { return stateStyle.getReadOnlyProperty(); }
    public ReadOnlyStringProperty equity() { return equity.getReadOnlyProperty(); }
    public ReadOnlyStringProperty equityNote() { return equityNote.getReadOnlyProperty(); }
    public ReadOnlyStringProperty dayPnl() { return dayPnl.getReadOnlyProperty(); }
    public ReadOnlyStringProperty dayPnlNote() { return dayPnlNote.getReadOnlyProperty(); }
    public ReadOnlyStringProperty dayPnlStyle() { return dayPnlStyle.getReadOnlyProperty(); }
    public ReadOnlyStringProperty exposure() { return exposure.getReadOnlyProperty(); }
    public ReadOnlyStringProperty exposureNote() { return exposureNote.getReadOnlyProperty(); }
    public ReadOnlyStringProperty drawdown() { return drawdown.getReadOnlyProperty(); }
    public ReadOnlyStringProperty drawdownNote() { return drawdownNote.getReadOnlyProperty(); }
    public ReadOnlyStringProperty bots() { return bots.getReadOnlyProperty(); }
    public ReadOnlyStringProperty botsNote() { return botsNote.getReadOnlyProperty(); }
    public ReadOnlyStringProperty positions() { return positions.getReadOnlyProperty(); }
}
