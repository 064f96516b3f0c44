package dev.flotilla.ui.screen.history;

import dev.flotilla.engine.api.EngineReads;
import dev.flotilla.engine.api.PositionView;
import dev.flotilla.engine.api.TradeView;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.OrderEvent;
import dev.flotilla.engine.event.PositionEvent;
import dev.flotilla.engine.model.Order;
import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.fx.Pulse;
import dev.flotilla.ui.fx.Reload;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Orders, trades and positions of one bot or of all, from the store. They are loaded again (off the FX
 * thread) when the filter changes or a pulse brings orders or positions; rows stay unchanged otherwise.
 */
public final class HistoryModel {

    /** Rows per view. */
    public static final int LIMIT = 300;
    /**
     * The least time between two loads that follow the fleet's trading: at full speed every pulse has orders, and
     * three tables of 300 rows read and laid out ten times a second would take the frames the charts need.
     */
    static final long TRADING_GAP_MS = 500;

    private final ObjectProperty<String> botId = new SimpleObjectProperty<>();
    private final ObservableList<Order> orders = FXCollections.observableArrayList();
    private final ObservableList<TradeView> trades = FXCollections.observableArrayList();
    private final ObservableList<PositionView> positions = FXCollections.observableArrayList();
    private final Reload<Rows> reload;
    private boolean dirty;

    private record Rows(List<Order> orders, List<TradeView> trades, List<PositionView> positions) {
    }

    public HistoryModel(EngineReads reads, Loader loader) {
        this.reload = new Reload<>(loader, () -> {
            String id = botId.get();
            return () -> new Rows(reads.orders(id, LIMIT), reads.trades(id, LIMIT), reads.positions(id, LIMIT));
        }, rows -> {
            orders.setAll(rows.orders());
            trades.setAll(rows.trades());
            positions.setAll(rows.positions());
        }, TRADING_GAP_MS);
        botId.addListener((o, a, b) -> reload.request());
    }

    /** The bot shown, or null for all bots. */
    public ObjectProperty<String> botId() {
        return botId;
    }

    public ObservableList<Order> orders() {
        return orders;
    }

    public ObservableList<TradeView> trades() {
        return trades;
    }

    public ObservableList<PositionView> positions() {
        return positions;
    }

    public void reload() {
        reload.request();
    }

    /** FX thread. Positions' marks move with every pulse, so a pulse of any news reloads (at most twice a second). */
    public void onPulse(Pulse p) {
        reload.poll();
        String id = botId.get();
        for (EngineEvent e : p.events()) {
            if ((e instanceof OrderEvent || e instanceof PositionEvent) && (id == null || id.equals(e.botId()))) {
                dirty = true;
                break;
            }
        }
        if (dirty) {
            dirty = false;
            reload.requestSoon();
        }
    }
}
