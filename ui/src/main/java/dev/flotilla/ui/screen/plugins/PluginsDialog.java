package dev.flotilla.ui.screen.plugins;

import atlantafx.base.theme.Styles;
import dev.flotilla.engine.api.PluginView;
import dev.flotilla.ui.screen.dialog.Forms;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.slf4j.LoggerFactory;

/**
 * File › Plug-ins…: every jar in the plug-in folder with its status, strategies, SHA-256 and what happened last
 * (a failure's cause in full), the selected waiting one approved or refused here, and where the folder is.
 */
public final class PluginsDialog {

    private final PluginsModel model;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TableView<PluginView> table = new TableView<>();
    private final Button approve = new Button("Approve…");
    private final Button refuse = new Button("Refuse");
    private final Button openFolder = new Button("Open folder");

    public PluginsDialog(PluginsModel model, Window owner) {
        this.model = model;
        table.setId("plugins-table");
        table.setItems(model.rows());
        table.getColumns().add(column("File", 210, PluginView::file));
        TableColumn<PluginView, String> status = column("Status", 160, v -> PluginsModel.status(v.status()));
        status.setCellFactory(c -> new StatusCell());
        table.getColumns().add(status);
        table.getColumns().add(column("Strategies", 120, v -> String.join(", ", v.strategies())));
        TableColumn<PluginView, String> sha = column("SHA-256", 145, v -> PluginsModel.shortSha(v.sha256()));
        sha.setCellFactory(c -> new ShaCell());
        table.getColumns().add(sha);
        table.getColumns().add(column("Detail", 330, PluginView::detail));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(220);
        table.setPlaceholder(new Label(model.folder().isEmpty() ? "No plug-in folder is open in this mode."
                : "No plug-in jars in the folder yet."));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.selected().set(b));
        model.selected().addListener((o, a, b) -> {
            if (b == table.getSelectionModel().getSelectedItem()) return;
            if (b == null) table.getSelectionModel().clearSelection();
            else table.getSelectionModel().select(b);
        });

        Label detail = new Label();
        detail.setId("plugins-detail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        detail.setMaxWidth(Double.MAX_VALUE);
        detail.textProperty().bind(Bindings.createStringBinding(() -> detailOf(model.selected().get()), model.selected()));

        approve.setId("plugins-approve");
        approve.disableProperty().bind(Bindings.not(model.canApprove()));
        approve.setOnAction(e -> model.approveSelected());
        refuse.setId("plugins-refuse");
        refuse.disableProperty().bind(Bindings.not(model.canRefuse()));
        refuse.setOnAction(e -> model.refuseSelected());
        openFolder.setOnAction(e -> open(model.folder()));
        boolean canOpen = canOpen(model.folder());
        openFolder.setVisible(canOpen);
        openFolder.setManaged(canOpen);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(8, approve, refuse, gap, openFolder);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label where = Forms.hint(model.folder().isEmpty()
                ? "Plug-ins are read from the plugins folder of Flotilla's data folder; none is open in this mode."
                : "Plug-in folder: " + model.folder() + "\nPut a strategy jar there and it is found within seconds; "
                + "it is loaded once its SHA-256 is approved. Plug-ins are never fetched from the network.");
        where.setId("plugins-folder");
        where.setMaxWidth(Double.MAX_VALUE);
        VBox content = new VBox(10, table, actions, detail, where);
        content.setPadding(new Insets(4));
        content.setPrefWidth(940);

        if (owner != null) dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Plug-ins");
        dialog.setHeaderText("Strategy plug-ins");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().setStyle("-fx-min-width: 980px;");
        dialog.setResizable(true);
        Forms.style(dialog);
    }

    private static String detailOf(PluginView v) {
        if (v == null) return "";
        return v.file() + " · SHA-256 " + (v.sha256().isEmpty() ? "unknown" : v.sha256()) + "\n" + v.detail();
    }

    private static TableColumn<PluginView, String> column(String title, double width, Function<PluginView, String> value) {
        TableColumn<PluginView, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** The status in the colours the fleet table uses for bots. */
    private static final class StatusCell extends TableCell<PluginView, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("state-running", "state-error", "log-warn", "state-stopped");
            PluginView v = empty ? null : getTableRow().getItem();
            setText(empty ? null : item);
            if (v == null) return;
            getStyleClass().add(switch (v.status()) {
                case LOADED -> "state-running";
                case FAILED -> "state-error";
                case AWAITING_APPROVAL -> "log-warn";
                case REFUSED -> "state-stopped";
            });
        }
    }

    /** The short SHA-256, with the whole of it in a tooltip. */
    private static final class ShaCell extends TableCell<PluginView, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            PluginView v = empty ? null : getTableRow().getItem();
            setText(empty ? null : item);
            setTooltip(v == null || v.sha256().isEmpty() ? null : new Tooltip(v.sha256()));
            if (!getStyleClass().contains("sha256")) getStyleClass().add("sha256");
        }
    }

    /** Whether this desktop can show a folder (not on a headless machine). */
    private static boolean canOpen(String folder) {
        try {
            return !folder.isEmpty() && !GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Shows the folder in the desktop's file manager, off the FX thread (AWT may take a while). */
    private static void open(String folder) {
        Thread.ofPlatform().daemon().name("console-open-folder").start(() -> {
            try {
                Desktop.getDesktop().open(new File(folder));
            } catch (Exception e) {
                LoggerFactory.getLogger(PluginsDialog.class).warn("the plug-in folder {} could not be opened: {}", folder, e.toString());
            }
        });
    }

    public Dialog<ButtonType> dialog() { return dialog; }
    public PluginsModel model() { return model; }
    public TableView<PluginView> table() { return table; }
    public Button approveButton() { return approve; }
    public Button refuseButton() { return refuse; }
}
