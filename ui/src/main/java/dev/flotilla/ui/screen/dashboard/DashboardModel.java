package dev.flotilla.ui.screen.dashboard;

import dev.flotilla.engine.api.EquityPoint;
import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.api.LimitSet;
import dev.flotilla.engine.api.RiskView;
import dev.flotilla.ui.Fmt;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
    private final ReadOnlyStringWrapper killSwitch = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper killSwitchNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper killSwitchOn = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper exposureOver = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper drawdownOver = new ReadOnlyBooleanWrapper();
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
        show(s, fleetHistory, problem, RiskView.NONE);
    }

    /**
     * FX thread. With a risk status (not {@link RiskView#NONE}), exposure and drawdown are the risk gateway's own
     * figures, shown against the limits they are held to, and the kill switch tile follows the stored switch.
     */
    public void show(FleetSnapshot s, List<EquityPoint> fleetHistory, String problem, RiskView risk) {
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
        if (risk != RiskView.NONE) showRisk(risk);
        bots.set(s.running() + " of " + s.bots().size() + " running");
        positions.set(s.openPositions() + (s.openPositions() == 1 ? " holds a position" : " hold a position"));
        long errors = s.bots().stream().filter(b -> b.status().name().equals("ERROR")).count();
        String riskReason = risk.fleetState() != dev.flotilla.engine.model.TradingState.ACTIVE ? risk.fleetReason() : null;
        botsNote.set(problem != null ? problem : riskReason != null ? riskReason
                : errors == 0 ? "no errors" : errors + (errors == 1 ? " bot" : " bots") + " in ERROR");
    }

    private void showRisk(RiskView r) {
        LimitSet l = r.limits();
        exposure.set(Fmt.percent(r.exposureShare().doubleValue()) + " (limit " + limit(l.value("maxExposure")) + ")");
        exposureNote.set(Fmt.money(r.exposure()) + " USDT of " + Fmt.money(r.capital()));
        exposureOver.set(r.exposureShare().compareTo(l.value("maxExposure")) >= 0);
        drawdownOver.set(r.drawdown().compareTo(l.value("portfolioDrawdown")) >= 0);
        drawdown.set(Fmt.percent(r.drawdown().doubleValue()) + " (limit " + limit(l.value("portfolioDrawdown")) + ")");
        drawdownNote.set("below the peak of " + Fmt.money(r.peakEquity()));
        killSwitchOn.set(r.killSwitch());
        killSwitch.set(r.killSwitch() ? "ON" : "off");
        killSwitchNote.set(r.killSwitch() ? "fleet HALTED: no order is sent" : "orders under " + Fmt.money(l.value("maxOrderValue")) + " USDT");
    }

    private static String limit(java.math.BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
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
    public ReadOnlyStringProperty killSwitch() { return killSwitch.getReadOnlyProperty(); }
    public ReadOnlyStringProperty killSwitchNote() { return killSwitchNote.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty exposureOver() { return exposureOver.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty drawdownOver() { return drawdownOver.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty killSwitchOn() { return killSwitchOn.getReadOnlyProperty(); }
    public ReadOnlyStringProperty positions() { return positions.getReadOnlyProperty(); }
}
