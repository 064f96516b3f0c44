package dev.flotilla.ui.screen.settings;

import dev.flotilla.engine.api.EngineApi;
import dev.flotilla.ui.prefs.Prefs;
import dev.flotilla.ui.prefs.Prefs.CloseAction;
import dev.flotilla.ui.prefs.Prefs.Theme;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings form: a copy of the current settings, checked as it is edited, applied together on OK. The
 * market is shown as the engine runs it; it is chosen when Flotilla starts, not here (yet).
 */
public final class SettingsModel {

    public enum Market { SANDBOX, BINANCE }

    public static final double MAX_SPEED = 100_000;

    private final EngineApi engine;
    private final Prefs prefs;
    private final boolean trayAvailable;
    private final ObjectProperty<Market> market = new SimpleObjectProperty<>();
    private final StringProperty speed = new SimpleStringProperty();
    private final ReadOnlyStringWrapper speedMessage = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final BooleanProperty notifyFills = new SimpleBooleanProperty();
    private final BooleanProperty notifyAlerts = new SimpleBooleanProperty();
    private final ObjectProperty<CloseAction> close = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);

    public SettingsModel(EngineApi engine, Prefs prefs, boolean trayAvailable) {
        this.engine = engine;
        this.prefs = prefs;
        this.trayAvailable = trayAvailable;
        market.set("binance".equals(engine.marketStatus().market()) ? Market.BINANCE : Market.SANDBOX);
        speed.set(label(engine.speed()));
        theme.set(prefs.theme().get());
        notifyFills.set(prefs.notifyFills().get());
        notifyAlerts.set(prefs.notifyAlerts().get());
        close.set(trayAvailable ? prefs.closeAction().get() : CloseAction.QUIT);
        speed.addListener((o, a, b) -> check());
        check();
    }

    static String label(double s) {
        if (s == Double.POSITIVE_INFINITY) return "max";
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }

    /** The speed typed, or NaN when it is not allowed. */
    double parsedSpeed() {
        String t = speed.get() == null ? "" : speed.get().trim().toLowerCase(Locale.ROOT);
        if (t.equals("max")) return Double.POSITIVE_INFINITY;
        try {
            double v = Double.parseDouble(t);
            return v >= 1 && v <= MAX_SPEED ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private void check() {
        String problem = "";
        if (engine.speedAdjustable() && Double.isNaN(parsedSpeed())) {
            problem = "speed must be a number from 1 (real time) to 100000, or max; got '" + speed.get() + "'";
        }
        speedMessage.set(problem);
        valid.set(problem.isEmpty());
    }

    /** Applies everything at once: the theme and notifications at once, the speed from the engine's present on. */
    public void apply() {
        if (!valid.get()) throw new IllegalStateException("the settings are not valid");
        prefs.theme().set(theme.get());
        prefs.notifyFills().set(notifyFills.get());
        prefs.notifyAlerts().set(notifyAlerts.get());
        prefs.closeAction().set(close.get());
        double s = parsedSpeed();
        if (engine.speedAdjustable() && s != engine.speed()) engine.setSpeed(s);
    }

    public boolean speedAdjustable() { return engine.speedAdjustable(); }
    public boolean trayAvailable() { return trayAvailable; }
    /** The market this run trades; it is chosen at start (the command line's --market), not in this dialog. */
    public Market market() { return market.get(); }
    public StringProperty speed() { return speed; }
    public ReadOnlyStringProperty speedMessage() { return speedMessage.getReadOnlyProperty(); }
    public ObjectProperty<Theme> theme() { return theme; }
    public BooleanProperty notifyFills() { return notifyFills; }
    public BooleanProperty notifyAlerts() { return notifyAlerts; }
    public ObjectProperty<CloseAction> close() { return close; }
    public ReadOnlyBooleanProperty valid() { return valid.getReadOnlyProperty(); }
}
