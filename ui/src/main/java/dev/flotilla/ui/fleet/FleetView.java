package dev.flotilla.ui.fleet;

import dev.flotilla.engine.api.BotView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The simple fleet window: a header with the mode and totals, and one row per bot. It only binds. */
public final class FleetView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final TableView<BotView> table = new TableView<>();

    public FleetView(FleetViewModel model) {
        getStyleClass().add("fleet-view");
        Label badge = new Label();
        badge.textProperty().bind(model.mode());
        badge.getStyleClass().addAll("mode-badge");
        Label header = new Label();
        header.textProperty().bind(model.header());
        header.getStyleClass().add("fleet-header");
        HBox top = new HBox(12, badge, header);
        top.setPadding(new Insets(8, 12, 8, 12));
        HBox.setHgrow(header, Priority.ALWAYS);
        setTop(top);

        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(
                text("Bot", BotView::id, 150),
                text("Strategy", BotView::strategy, 150),
                text("Symbol", BotView::symbol, 90),
                text("TF", BotView::timeframe, 45),
                text("State", b -> b.status().name(), 80),
                number("Position", BotView::positionQty, 100),
                number("Equity", BotView::equity, 100),
                number("Unrealized", BotView::unrealizedPnl, 95),
                number("Realized net", BotView::realizedPnl, 95),
                text("Last tick", b -> b.lastTick() == 0 ? "" : TIME.format(Instant.ofEpochMilli(b.lastTick())), 95),
                text("Last error", b -> b.lastError() == null ? "" : b.lastError(), 160));
        setCenter(table);
    }

    public TableView<BotView> table() {
        return table;
    }

    private static TableColumn<BotView, String> text(String title, Function<BotView, String> f, double width) {
        TableColumn<BotView, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<BotView, BigDecimal> number(String title, Function<BotView, BigDecimal> f, double width) {
        TableColumn<BotView, BigDecimal> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(BigDecimal v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().removeAll("pnl-up", "pnl-down");
                if (empty || v == null) {
                    setText(null);
                    return;
                }
                setText(v.signum() == 0 ? "0" : v.toPlainString());
                if (title.equals("Unrealized") || title.equals("Realized net")) {
                    if (v.signum() > 0) getStyleClass().add("pnl-up");
                    if (v.signum() < 0) getStyleClass().add("pnl-down");
                }
            }
        });
        c.getStyleClass().add("numeric");
        return c;
    }
}
