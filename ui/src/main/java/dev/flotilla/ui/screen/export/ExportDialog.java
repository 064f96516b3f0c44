package dev.flotilla.ui.screen.export;

import dev.flotilla.engine.api.Period;
import dev.flotilla.engine.api.ReportsApi;
import dev.flotilla.ui.screen.dialog.Forms;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** File > Export…: what to write, over which period, into which folder; "Export" writes the files and says which. */
public final class ExportDialog {

    private static final Map<ReportsApi.Export, String> LABELS = Map.of(
            ReportsApi.Export.TRADES, "Trades (every fill)",
            ReportsApi.Export.ORDERS, "Orders",
            ReportsApi.Export.POSITIONS, "Positions (open, and closed in the period)",
            ReportsApi.Export.RISK_EVENTS, "Risk events",
            ReportsApi.Export.EQUITY, "Equity snapshots (bots and fleet)",
            ReportsApi.Export.PERFORMANCE, "Performance (bot, strategy, symbol)",
            ReportsApi.Export.PNL, "Realized PnL by day, week, month");

    private final Dialog<ButtonType> dialog;
    private final Map<ReportsApi.Export, CheckBox> boxes = new EnumMap<>(ReportsApi.Export.class);
    private final CheckBox report = new CheckBox("Performance report as Markdown (" + ExportModel.REPORT_FILE + ")");
    private final ComboBox<String> period = new ComboBox<>();
    private final TextField folder = new TextField();
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private Alert done;

    public ExportDialog(ExportModel model, Window owner) {
        VBox what = new VBox(4);
        for (ReportsApi.Export e : ReportsApi.Export.values()) {
            CheckBox b = new CheckBox(LABELS.get(e) + "  →  flotilla-" + e.label() + ".csv");
            b.selectedProperty().bindBidirectional(model.chosen(e));
            boxes.put(e, b);
            what.getChildren().add(b);
        }
        report.selectedProperty().bindBidirectional(model.markdown());
        what.getChildren().add(report);
        period.getItems().setAll(Period.CHOICES);
        period.setEditable(true);
        period.getEditor().textProperty().bindBidirectional(model.period());
        period.setValue(model.period().get());
        folder.textProperty().bindBidirectional(model.folder());
        folder.setPrefColumnCount(32);
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Export into");
            java.io.File f = dc.showDialog(owner);
            if (f != null) model.folder().set(f.getPath());
        });
        browse.setMinWidth(Button.USE_PREF_SIZE);
        period.setPrefWidth(260);
        GridPane grid = new GridPane();
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        grid.setHgap(12);
        grid.setVgap(8);
        Forms.row(grid, 0, "Export", what);
        Forms.row(grid, 1, "Period", Forms.field(period, Forms.hint("7d, 30d, ytd, all, or the days FROM..TO as"
                + " 2026-01-01..2026-01-31 (UTC, engine time)"), Forms.message(model.periodMessage())));
        Forms.row(grid, 2, "Folder", Forms.field(new HBox(8, folder, browse), Forms.hint("Files of the same name there are"
                + " replaced."), Forms.message(model.folderMessage())));
        VBox content = new VBox(8, grid, Forms.message(failure.getReadOnlyProperty()));
        content.setPadding(new Insets(4));
        content.setPrefWidth(760);
        dialog = Forms.dialog(owner, "Export", "The books as CSV files (exact decimals, UTC ISO-8601 times, a header"
                + " row; the README lists the columns).", content, model.valid());
        Forms.ok(dialog).setText("Export");
        dialog.getDialogPane().setPrefWidth(800);
        Forms.onOk(dialog, () -> model.export().thenApply(files -> {
            javafx.application.Platform.runLater(() -> said(files, owner));
            return files;
        }), e -> failure.set(String.valueOf(e.getMessage())));
    }

    private void said(List<Path> files, Window owner) {
        StringBuilder text = new StringBuilder("Wrote " + files.size() + (files.size() == 1 ? " file" : " files") + ":");
        files.forEach(f -> text.append("\n").append(f));
        done = new Alert(Alert.AlertType.INFORMATION, text.toString());
        done.setHeaderText(null);
        done.setTitle("Export");
        if (owner != null) done.initOwner(owner);
        done.show();
    }

    public Dialog<ButtonType> dialog() { return dialog; }
    public CheckBox box(ReportsApi.Export e) { return boxes.get(e); }
    public CheckBox reportBox() { return report; }
    public TextField folder() { return folder; }
    public ComboBox<String> period() { return period; }
    /** The message that says what was written, once it has been. */
    public Alert done() { return done; }
    public String failure() { return failure.get(); }
}
