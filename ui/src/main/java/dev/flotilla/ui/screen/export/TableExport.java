package dev.flotilla.ui.screen.export;

import dev.flotilla.engine.api.Table;
import dev.flotilla.ui.screen.Columns;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Export to CSV…" in a table's context menu: the rows the table shows, in its order, under its visible columns'
 * titles. A number is written exactly (not rounded as shown), an engine time in UTC ISO-8601, text as shown.
 */
public final class TableExport {

    private static final Logger log = LoggerFactory.getLogger(TableExport.class);
    public static final String ITEM = "Export to CSV…";

    /** Asks where to save (suggested file name, owner window); empty when the trader cancels. Tests replace it. */
    private static BiFunction<String, Window, Optional<Path>> chooser = TableExport::choose;

    private TableExport() {
    }

    /**
     * Adds the item to the table's context menu (making one if it has none).
     *
     * @param name what the rows are, for the suggested file name, e.g. "trades"
     */
    public static void install(TableView<?> table, String name) {
        MenuItem item = new MenuItem(ITEM);
        item.setOnAction(e -> export(table, name));
        ContextMenu menu = table.getContextMenu();
        if (menu == null) {
            table.setContextMenu(new ContextMenu(item));
        } else {
            menu.getItems().addAll(new SeparatorMenuItem(), item);
        }
    }

    /** Where exports are saved: a file chooser, unless a test says otherwise. */
    public static void chooseFilesWith(BiFunction<String, Window, Optional<Path>> c) {
        chooser = c;
    }

    /** The rows the table shows as a table of exact cells. */
    public static <R> Table table(TableView<R> table, String name) {
        List<TableColumn<R, ?>> columns = table.getVisibleLeafColumns();
        List<String> headers = columns.stream().map(TableColumn::getText).toList();
        List<List<String>> rows = new ArrayList<>();
        for (R row : table.getItems()) {
            List<String> cells = new ArrayList<>();
            for (TableColumn<R, ?> c : columns) {
                Object v = c.getCellObservableValue(row) == null ? null : c.getCellObservableValue(row).getValue();
                cells.add(Boolean.TRUE.equals(c.getProperties().get(Columns.TIME)) && v instanceof Long t ? Table.time(t) : Table.cell(v));
            }
            rows.add(cells);
        }
        return new Table(name, headers, rows);
    }

    /** Asks where, writes the CSV and says what it wrote (or why it could not). */
    public static void export(TableView<?> table, String name) {
        Window owner = table.getScene() == null ? null : table.getScene().getWindow();
        Optional<Path> file = chooser.apply("flotilla-" + name + ".csv", owner);
        if (file.isEmpty()) return;
        Table t = table(table, name);
        Alert done;
        try {
            t.writeCsv(file.get());
            log.info("exported {} {} rows to {}", t.rows().size(), name, file.get());
            done = new Alert(Alert.AlertType.INFORMATION, "Wrote " + t.rows().size() + " rows to " + file.get() + ".");
        } catch (IOException e) {
            done = new Alert(Alert.AlertType.ERROR, "Could not write " + file.get() + ": " + e.getMessage());
        }
        done.setHeaderText(null);
        done.setTitle("Export to CSV");
        if (owner != null) done.initOwner(owner);
        done.show();
    }

    private static Optional<Path> choose(String suggested, Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export to CSV");
        fc.setInitialFileName(suggested);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        return Optional.ofNullable(fc.showSaveDialog(owner)).map(java.io.File::toPath);
    }
}
