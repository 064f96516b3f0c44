package dev.flotilla.ui.screen.performance;

import dev.flotilla.engine.api.InvalidInputException;
import dev.flotilla.engine.api.Period;
import dev.flotilla.engine.api.PerformanceReport;
import dev.flotilla.engine.api.PerformanceRow;
import dev.flotilla.engine.api.PnlBucket;
import dev.flotilla.engine.api.ReportsApi;
import dev.flotilla.engine.event.PositionEvent;
import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.fx.Pulse;
import dev.flotilla.ui.fx.Reload;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Performance screen's state: the period chosen, the report of it (read in the background from the engine's
 * books), its rows by bot, strategy type and symbol, and the PnL buckets of the span chosen. While the screen is shown,
 * a pulse that brings a closed position reads the report again.
 */
public final class PerformanceModel {

    private final StringProperty period = new SimpleStringProperty("30d");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<PerformanceReport.Span> span = new SimpleObjectProperty<>(PerformanceReport.Span.DAY);
    private final ReadOnlyObjectWrapper<PerformanceReport> report = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty shown = new SimpleBooleanProperty();
    private final ObservableList<PerformanceRow> byBot = FXCollections.observableArrayList();
    private final ObservableList<PerformanceRow> byStrategy = FXCollections.observableArrayList();
    private final ObservableList<PerformanceRow> bySymbol = FXCollections.observableArrayList();
    private final ObservableList<PnlBucket> pnl = FXCollections.observableArrayList();
    private final Reload<PerformanceReport> reload;
    private Period asked = new Period("30d");

    public PerformanceModel(ReportsApi reports, Loader loader) {
        this.reload = new Reload<>(loader, () -> {
            Period p = asked;
            return () -> reports.performance(p);
        }, this::show);
        period.addListener((o, a, b) -> reload());
        span.addListener((o, a, b) -> showBuckets());
        shown.addListener((o, a, b) -> {
            if (b) reload();
        });
    }

    /** Reads the report of the period chosen; a period that is not one is said in {@link #message()} instead. */
    public void reload() {
        try {
            asked = Period.parse(period.get());
        } catch (InvalidInputException e) {
            message.set(e.getMessage().substring(e.getMessage().indexOf(':') + 1).strip());
            return;
        }
        message.set("");
        reload.request();
    }

    /** FX thread. */
    public void onPulse(Pulse p) {
        if (shown.get() && p.events().stream().anyMatch(e -> e instanceof PositionEvent.PositionClosed)) reload.request();
    }

    private void show(PerformanceReport r) {
        report.set(r);
        byBot.setAll(r.byBot());
        byStrategy.setAll(r.byStrategy());
        bySymbol.setAll(r.bySymbol());
        showBuckets();
    }

    private void showBuckets() {
        PerformanceReport r = report.get();
        if (r != null) pnl.setAll(r.pnl(span.get()));
    }

    /** 7d, 30d, ytd, all or FROM..TO. */
    public StringProperty period() { return period; }
    /** Why the period typed is not one, or empty. */
    public StringProperty message() { return message; }
    public ObjectProperty<PerformanceReport.Span> span() { return span; }
    /** The report shown; null before the first has been read. */
    public ReadOnlyObjectProperty<PerformanceReport> report() { return report.getReadOnlyProperty(); }
    /** Whether the screen is in view (a report is read when it comes into view). */
    public BooleanProperty shown() { return shown; }
    public ObservableList<PerformanceRow> rows(PerformanceReport.By by) {
        return switch (by) {
            case BOT -> byBot;
            case STRATEGY -> byStrategy;
            case SYMBOL -> bySymbol;
        };
    }
    public ObservableList<PnlBucket> pnl() { return pnl; }
}
