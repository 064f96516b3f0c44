package dev.flotilla.ui.screen.history;

import atlantafx.base.theme.Styles;
import dev.flotilla.engine.api.PositionView;
import dev.flotilla.engine.api.TradeView;
import dev.flotilla.engine.model.Order;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.ui.screen.risk.RiskEventsModel;
import dev.flotilla.ui.Fmt;
import dev.flotilla.ui.screen.Columns;
import dev.flotilla.ui.screen.export.TableExport;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/** Orders, trades, positions, risk events and the event log in tabs, all filtered by the bot chosen above them. */
public final class HistoryView extends BorderPane {

    public static final String ALL = "All bots";

    private final ComboBox<String> bot = new ComboBox<>();
    private final TabPane tabs = new TabPane();

    public HistoryView(HistoryModel history, EventLogModel log, RiskEventsModel risk, ObservableList<String> botIds) {
        getStyleClass().add("history");
        bot.setItems(botIds);
        bot.setValue(ALL);
        bot.setPrefWidth(170);
        bot.setConverter(new StringConverter<>() {
            public String toString(String s) { return s == null ? ALL : s; }
            public String fromString(String s) { return s; }
        });
        bot.valueProperty().addListener((o, a, b) -> {
            String id = b == null || b.equals(ALL) ? null : b;
            history.botId().set(id);
            log.botId().set(id);
            risk.botId().set(id);
        });
        Label caption = new Label("Show");
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        HBox bar = new HBox(8, caption, bot);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.TABS_FLOATING);
        tabs.getTabs().addAll(
                new Tab("Orders", table(history.orders(), "No orders yet", ordersColumns(), "orders")),
                new Tab("Trades", table(history.trades(), "No trades yet", tradesColumns(), "trades")),
                new Tab("Positions", table(history.positions(), "No positions yet", positionsColumns(), "positions")),
                new Tab("Risk events", table(risk.rows(), "No risk events yet", riskColumns(), "risk-events")),
                new Tab("Event log", table(log.shown(), "No events yet", logColumns(), "events")));
        setTop(bar);
        setCenter(tabs);
    }

    /** The bot filter: {@link #ALL} or a bot id. */
    public ComboBox<String> botFilter() {
        return bot;
    }

    public TabPane tabs() {
        return tabs;
    }

    private static <R> TableView<R> table(ObservableList<R> rows, String empty, List<TableColumn<R, ?>> columns, String name) {
        TableView<R> t = Columns.table(rows, empty, columns);
        TableExport.install(t, name);
        return t;
    }

    private static List<TableColumn<Order, ?>> ordersColumns() {
        return List.of(
                Columns.time("Created (UTC)", Order::createdAt, Fmt::time, 150),
                Columns.text("Bot", Order::botId, 120),
                Columns.text("Symbol", o -> o.symbol().toString(), 85),
                Columns.text("Side", o -> o.side().name(), 50),
                Columns.number("Qty", Order::qty, Fmt::qty, false, 100),
                Columns.number("Ref. price", Order::refPrice, Fmt::price, false, 90),
                Columns.text("Purpose", Order::purpose, 85),
                Columns.text("Status", o -> o.status().name(), 80),
                Columns.text("Reason", o -> o.reason() == null ? "" : o.reason(), 300));
    }

    private static List<TableColumn<TradeView, ?>> tradesColumns() {
        return List.of(
                Columns.time("Filled (UTC)", TradeView::time, Fmt::time, 150),
                Columns.text("Bot", TradeView::botId, 120),
                Columns.text("Symbol", TradeView::symbol, 85),
                Columns.text("Side", t -> t.side().name(), 50),
                Columns.number("Qty", TradeView::qty, Fmt::qty, false, 100),
                Columns.number("Price", TradeView::price, Fmt::price, false, 90),
                Columns.number("Value (USDT)", t -> t.qty().multiply(t.price()), Fmt::money, false, 100),
                Columns.number("Fee (USDT)", TradeView::fee, Fmt::money, false, 80),
                Columns.text("Purpose", TradeView::purpose, 90));
    }

    private static List<TableColumn<PositionView, ?>> positionsColumns() {
        return List.of(
                Columns.text("Bot", PositionView::botId, 120),
                Columns.text("Symbol", PositionView::symbol, 85),
                Columns.text("Status", p -> p.open() ? "OPEN" : "CLOSED", 65),
                Columns.number("Qty", PositionView::qty, Fmt::qty, false, 100),
                Columns.number("Entry", PositionView::entryPrice, Fmt::price, false, 85),
                Columns.number("Stop", PositionView::stopPrice, Fmt::price, false, 85),
                Columns.number("Mark / exit", PositionView::lastPrice, Fmt::price, false, 85),
                Columns.number("PnL (USDT)", PositionView::pnl, Fmt::signedMoney, true, 90),
                Columns.time("Opened (UTC)", PositionView::openedAt, Fmt::minute, 125),
                Columns.time("Closed (UTC)", PositionView::closedAt, Fmt::minute, 125),
                Columns.text("Exit", p -> p.exitReason() == null ? "" : p.exitReason(), 80));
    }

    private static List<TableColumn<RiskRecord, ?>> riskColumns() {
        return List.of(
                Columns.time("Time (UTC)", RiskRecord::at, Fmt::time, 150),
                Columns.text("Bot", r -> r.botId() == null ? "fleet" : r.botId(), 120),
                Columns.text("Kind", r -> r.kind().name(), 80),
                Columns.text("Code", RiskRecord::code, 150),
                Columns.text("Order", r -> r.intent() == null ? "" : r.intent(), 230),
                Columns.text("Details", RiskRecord::detail, 380));
    }

    private static List<TableColumn<LogEntry, ?>> logColumns() {
        TableColumn<LogEntry, String> details = Columns.text("Details", LogEntry::text, 420);
        details.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().removeAll("log-warn", "log-error");
                setText(empty ? null : text);
                LogEntry e = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (e != null && e.level() != LogEntry.Level.INFO) getStyleClass().add("log-" + e.level().name().toLowerCase());
            }
        });
        return List.of(
                Columns.time("Time (UTC)", LogEntry::time, Fmt::time, 150),
                Columns.text("Event", LogEntry::type, 140),
                Columns.text("Bot", e -> e.botId() == null ? "fleet" : e.botId(), 120),
                details);
    }
}
