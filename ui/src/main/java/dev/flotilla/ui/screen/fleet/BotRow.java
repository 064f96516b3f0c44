package dev.flotilla.ui.screen.fleet;

import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.model.TradingState;
import java.math.BigDecimal;
import java.util.Locale;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One bot in the fleet table. It lives as long as the bot and is updated in place, so selection, sorting and
 * scrolling survive the engine's updates; cells follow its properties.
 */
public final class BotRow {

    private final String id;
    private final StringProperty strategy = new SimpleStringProperty();
    private final StringProperty symbol = new SimpleStringProperty();
    private final StringProperty timeframe = new SimpleStringProperty();
    private final ObjectProperty<BotStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<BigDecimal> position = new SimpleObjectProperty<>();
    private final ObjectProperty<BigDecimal> equity = new SimpleObjectProperty<>();
    private final ObjectProperty<BigDecimal> unrealized = new SimpleObjectProperty<>();
    private final ObjectProperty<BigDecimal> realized = new SimpleObjectProperty<>();
    private final LongProperty lastTick = new SimpleLongProperty();
    private final StringProperty lastError = new SimpleStringProperty("");
    private final ObjectProperty<TradingState> tradingState = new SimpleObjectProperty<>(TradingState.ACTIVE);
    private final StringProperty tradingReason = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty breakerFired = new javafx.beans.property.SimpleBooleanProperty();
    private BotView view;

    BotRow(BotView v) {
        this.id = v.id();
        update(v);
    }

    /** Returns true when the bot's state changed (the table may need filtering again). */
    boolean update(BotView v) {
        if (v.equals(view)) return false;
        boolean stateChanged = view == null || view.status() != v.status();
        view = v;
        strategy.set(v.strategy());
        symbol.set(v.symbol());
        timeframe.set(v.timeframe());
        status.set(v.status());
        position.set(v.positionQty());
        equity.set(v.equity());
        unrealized.set(v.unrealizedPnl());
        realized.set(v.realizedPnl());
        lastTick.set(v.lastTick());
        lastError.set(v.lastError() == null ? "" : v.lastError());
        return stateChanged;
    }

    /** Whether every word of a filter appears in the row's id, strategy, symbol, timeframe or state. */
    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) return true;
        String text = (id + " " + strategy.get() + " " + symbol.get() + " " + timeframe.get() + " " + status.get() + " " + tradingState.get())
                .toLowerCase(Locale.ROOT);
        for (String word : filter.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!text.contains(word)) return false;
        }
        return true;
    }

    void showTradingState(TradingState s, boolean ownBreaker, String reason) {
        tradingState.set(s);
        breakerFired.set(ownBreaker);
        tradingReason.set(reason);
    }

    /** The trading state that applies to the bot: the stricter of its own and the fleet's. */
    public ObjectProperty<TradingState> tradingState() {
        return tradingState;
    }

    public StringProperty tradingReason() {
        return tradingReason;
    }

    /** Whether the bot's own drawdown breaker holds it HALTED (a reset lifts it). */
    public javafx.beans.property.BooleanProperty breakerFired() {
        return breakerFired;
    }

    public String id() {
        return id;
    }

    public BotView view() {
        return view;
    }

    public StringProperty strategy() {
        return strategy;
    }

    public StringProperty symbol() {
        return symbol;
    }

    public StringProperty timeframe() {
        return timeframe;
    }

    public ObjectProperty<BotStatus> status() {
        return status;
    }

    public ObjectProperty<BigDecimal> position() {
        return position;
    }

    public ObjectProperty<BigDecimal> equity() {
        return equity;
    }

    public ObjectProperty<BigDecimal> unrealized() {
        return unrealized;
    }

    public ObjectProperty<BigDecimal> realized() {
        return realized;
    }

    public LongProperty lastTick() {
        return lastTick;
    }

    public StringProperty lastError() {
        return lastError;
    }
}
