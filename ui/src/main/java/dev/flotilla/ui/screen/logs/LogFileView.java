package dev.flotilla.ui.screen.logs;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.flotilla.ui.screen.Columns;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The log file's recent lines, newest first, with their level, thread and logger; a level filter above them, and the
 * file's path. A line with a stack trace says so, and its tooltip holds the whole trace. The bot filter is the one the
 * history's tabs share.
 */
public final class LogFileView extends BorderPane {

    private final ChoiceBox<LogFileModel.Level> level = new ChoiceBox<>();
    private final TableView<LogFileModel.Entry> table = new TableView<>();

    public LogFileView(LogFileModel model) {
        getStyleClass().add("log-file");
        level.getItems().setAll(LogFileModel.Level.values());
        level.valueProperty().bindBidirectional(model.level());
        Label caption = new Label("Level");
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        Label count = new Label();
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.createStringBinding(() -> model.shown().size() + " of " + model.entries().size()
                + " lines", model.shown(), model.entries()));
        Label source = new Label(model.source());
        source.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, caption, level, count, gap, source);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        table.setItems(model.shown());
        table.getColumns().setAll(columns());
        table.setPlaceholder(new Label("No log lines yet"));
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setTop(bar);
        setCenter(table);
    }

    public ChoiceBox<LogFileModel.Level> levelFilter() {
        return level;
    }

    public TableView<LogFileModel.Entry> table() {
        return table;
    }

    private static List<TableColumn<LogFileModel.Entry, ?>> columns() {
        TableColumn<LogFileModel.Entry, String> level = Columns.text("Level", LogFileModel.Entry::level, 60);
        TableColumn<LogFileModel.Entry, String> message = Columns.text("Message", e -> e.more().isEmpty() ? e.message()
                : e.message() + "  (+" + e.more().size() + " lines)", 520);
        level.setCellFactory(col -> styled());
        message.setCellFactory(col -> styled());
        return List.of(
                Columns.text("Time (UTC)", LogFileModel.Entry::time, 170),
                level,
                Columns.text("Thread", LogFileModel.Entry::thread, 110),
                Columns.text("Logger", LogFileModel.Entry::logger, 150),
                message);
    }

    /** A cell coloured by its line's level (as the event log's are), the whole entry in its tooltip. */
    private static TableCell<LogFileModel.Entry, String> styled() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().removeAll("log-warn", "log-error");
                setText(empty ? null : text);
                LogFileModel.Entry e = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(e == null || e.more().isEmpty() ? null : new Tooltip(e.text()));
                if (e != null && ("WARN".equals(e.level()) || "ERROR".equals(e.level()))) {
                    getStyleClass().add("log-" + e.level().toLowerCase(java.util.Locale.ROOT));
                }
            }
        };
    }
}
