package dev.flotilla.ui.screen.fleet;

import dev.flotilla.ui.fx.StyleClasses;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.model.TradingState;
import dev.flotilla.ui.Fmt;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;

/**
 * The fleet table: one row per bot, sortable by any column, filtered by the model's filter, with a context
 * menu for the selected bots. It only binds and forwards; the rows and the filter live in {@link FleetModel}.
 */
public final class FleetTableView extends BorderPane {

    private static final java.util.List<String> STATES = java.util.List.of("state-running", "state-stopped", "state-error");
    private static final java.util.List<String> TRADING = java.util.List.of("trading-active", "trading-reducing", "trading-halted");

    private final TableView<BotRow> table = new TableView<>();
    private final MenuItem start = new MenuItem("Start");
    private final MenuItem stop = new MenuItem("Stop");
    private final MenuItem edit = new MenuItem("Edit…");
    private final MenuItem chart = new MenuItem("Show chart");
    private final MenuItem remove = new MenuItem("Remove…");
    private final MenuItem limits = new MenuItem("Risk limits…");
    private final MenuItem reset = new MenuItem("Reset breaker");
    private final MenuItem history = new MenuItem("Parameter history…");
    private final MenuItem close = new MenuItem("Close position…");
    private final MenuItem closeSymbol = new MenuItem("Close all positions in this symbol…");

    public FleetTableView(FleetModel model, BotActions actions) {
        getStyleClass().add("fleet-table");
        SortedList<BotRow> sorted = new SortedList<>(model.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No bot matches the filter"));
        table.getColumns().addAll(List.of(
                text("Bot", BotRow::id, 118),
                property("Strategy", BotRow::strategy, 134),
                property("Symbol", BotRow::symbol, 88),
                property("TF", BotRow::timeframe, 44),
                state(),
                tradingState(),
                number("Position", BotRow::position, Fmt::shortQty, false, 80),
                number("Equity", BotRow::equity, Fmt::money, false, 78),
                number("Unrealized", BotRow::unrealized, Fmt::signedMoney, true, 86),
                number("Realized", BotRow::realized, Fmt::signedMoney, true, 72),
                lastTick(),
                property("Last error", BotRow::lastError, 80)));
        // columns keep their width; a narrow window scrolls the table sideways rather than cutting values
        table.getColumns().forEach(c -> c.setMinWidth(c.getPrefWidth()));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) model.selected().set(b);
        });
        table.setRowFactory(t -> {
            TableRow<BotRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    actions.showChart(row.getItem().id());
                }
            });
            return row;
        });
        start.setOnAction(e -> actions.start(selectedIds()));
        stop.setOnAction(e -> actions.stop(selectedIds()));
        edit.setOnAction(e -> actions.edit(selectedIds().getFirst()));
        chart.setOnAction(e -> actions.showChart(selectedIds().getFirst()));
        remove.setOnAction(e -> actions.remove(selectedIds().getFirst()));
        limits.setOnAction(e -> actions.limits(selectedIds().getFirst()));
        reset.setOnAction(e -> selectedIds().forEach(actions::resetBreaker));
        history.setOnAction(e -> actions.paramHistory(selectedIds().getFirst()));
        close.setOnAction(e -> actions.closePositions(selectedIds()));
        closeSymbol.setOnAction(e -> actions.closeSymbolOf(selectedIds().getFirst()));
        var none = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        var many = Bindings.size(table.getSelectionModel().getSelectedItems()).greaterThan(1);
        start.disableProperty().bind(none);
        stop.disableProperty().bind(none);
        edit.disableProperty().bind(none.or(many));
        chart.disableProperty().bind(none.or(many));
        remove.disableProperty().bind(none.or(many));
        limits.disableProperty().bind(none.or(many));
        reset.disableProperty().bind(none);
        history.disableProperty().bind(none.or(many));
        close.disableProperty().bind(none);
        closeSymbol.disableProperty().bind(none.or(many));
        table.setContextMenu(new ContextMenu(start, stop, new SeparatorMenuItem(), edit, history, chart, new SeparatorMenuItem(),
                limits, reset, new SeparatorMenuItem(), close, closeSymbol, new SeparatorMenuItem(), remove));
        setCenter(table);
    }

    public TableView<BotRow> table() {
        return table;
    }

    /** The context menu's items, for tests: start, stop, edit, chart, remove, risk limits, reset breaker, parameter history. */
    public List<MenuItem> menuItems() {
        return List.of(start, stop, edit, chart, remove, limits, reset, history);
    }

    /** The context menu's manual close items: the selected bots' positions, and every position in the bot's symbol. */
    public List<MenuItem> closeItems() {
        return List.of(close, closeSymbol);
    }

    public List<String> selectedIds() {
        return table.getSelectionModel().getSelectedItems().stream().map(BotRow::id).toList();
    }

    /** Sorts again after the rows changed (sorting follows values only when asked). */
    public void refresh() {
        if (!table.getSortOrder().isEmpty()) table.sort();
    }

    public void select(String botId) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).id().equals(botId)) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(Math.max(0, i - 3));
                return;
            }
        }
    }

    private static TableColumn<BotRow, String> text(String title, Function<BotRow, String> f, double width) {
        TableColumn<BotRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <T> TableColumn<BotRow, T> property(String title, Function<BotRow, ObservableValue<T>> f, double width) {
        TableColumn<BotRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> f.apply(d.getValue()));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<BotRow, BotStatus> state() {
        TableColumn<BotRow, BotStatus> c = property("State", BotRow::status, 72);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(BotStatus s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.name());
                StyleClasses.set(this, empty || s == null ? null : "state-" + s.name().toLowerCase(java.util.Locale.ROOT), STATES);
            }
        });
        return c;
    }

    private static TableColumn<BotRow, TradingState> tradingState() {
        TableColumn<BotRow, TradingState> c = property("Trading", BotRow::tradingState, 78);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(TradingState s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.name());
                BotRow r = empty || getTableRow() == null ? null : getTableRow().getItem();
                String reason = r == null || r.tradingReason().get().isEmpty() ? null : r.tradingReason().get();
                if (reason == null) setTooltip(null);
                else if (getTooltip() == null || !reason.equals(getTooltip().getText())) setTooltip(new javafx.scene.control.Tooltip(reason));
                StyleClasses.set(this, empty || s == null ? null : "trading-" + s.name().toLowerCase(java.util.Locale.ROOT), TRADING);
            }
        });
        return c;
    }

    private static TableColumn<BotRow, Long> lastTick() {
        TableColumn<BotRow, Long> c = new TableColumn<>("Last tick");
        c.setCellValueFactory(d -> d.getValue().lastTick().asObject());
        c.setPrefWidth(92);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : Fmt.shortTime(t));
            }
        });
        return c;
    }

    private static TableColumn<BotRow, BigDecimal> number(String title, Function<BotRow, ObservableValue<BigDecimal>> f,
                                                          Function<BigDecimal, String> format, boolean pnl, double width) {
        TableColumn<BotRow, BigDecimal> c = property(title, f, width);
        c.getStyleClass().add("numeric");
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(BigDecimal v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : format.apply(v));
                StyleClasses.set(this, dev.flotilla.ui.screen.Columns.pnlClass(pnl && !empty ? v : null), dev.flotilla.ui.screen.Columns.PNL);
            }
        });
        return c;
    }
}
