package dev.flotilla.ui.screen.dialog;

import atlantafx.base.theme.Styles;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/** What every dialog of the console does the same way: messages under fields, OK only when valid. */
public final class Forms {

    private Forms() {
    }

    /** A red message under a field, taking no room while empty. */
    public static Label message(ObservableStringValue text) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().addAll("field-message", Styles.TEXT_SMALL, Styles.DANGER);
        l.setWrapText(true);
        l.setMaxWidth(440);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        // a message that appears or goes changes the form's height: the dialog window follows
        l.visibleProperty().addListener((o, a, b) -> Platform.runLater(() -> {
            if (l.getScene() != null && l.getScene().getWindow() != null) l.getScene().getWindow().sizeToScene();
        }));
        return l;
    }

    /** A muted line of help under a field. */
    public static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("field-hint", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(440);
        return l;
    }

    /** A field with its hint and message below it. */
    public static VBox field(Node control, Label hint, Label message) {
        VBox box = hint == null ? new VBox(2, control, message) : new VBox(2, control, hint, message);
        box.getStyleClass().add("form-field");
        return box;
    }

    /** A dialog with OK and Cancel, owned by the main window, OK disabled while the form is not valid. */
    public static Dialog<ButtonType> dialog(Window owner, String title, String header, Node content, ObservableBooleanValue valid) {
        Dialog<ButtonType> d = new Dialog<>();
        if (owner != null) d.initOwner(owner);
        d.initModality(Modality.WINDOW_MODAL);
        d.setTitle(title);
        d.setHeaderText(header);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        style(d);
        Button ok = ok(d);
        ok.disableProperty().bind(javafx.beans.binding.Bindings.not(valid));
        ok.setDefaultButton(true);
        return d;
    }

    /** Gives a dialog the console's stylesheet (dialogs are windows of their own and do not inherit it). */
    /** An alert over {@code owner} with a header and a text, styled as the console's dialogs are; shown, not waited for. */
    public static void alert(Window owner, javafx.scene.control.Alert.AlertType type, String header, String text) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(type, text, ButtonType.OK);
        a.initOwner(owner);
        a.setHeaderText(header);
        style(a);
        a.show();
    }

    /** What failed inside a future's CompletionException, or the failure itself. */
    public static Throwable cause(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /**
     * A form's grid: labels in a column {@code labelWidth} wide, fields in one that starts at {@code fieldWidth} and
     * grows with the dialog (never below 300).
     */
    public static javafx.scene.layout.GridPane grid(double labelWidth, double fieldWidth, double vgap) {
        javafx.scene.layout.GridPane g = new javafx.scene.layout.GridPane();
        g.setHgap(14);
        g.setVgap(vgap);
        javafx.scene.layout.ColumnConstraints wide = new javafx.scene.layout.ColumnConstraints(300, fieldWidth, Double.MAX_VALUE);
        wide.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        g.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(labelWidth), wide);
        g.setPadding(new javafx.geometry.Insets(4));
        return g;
    }

    /** Sizes a showing dialog's window to its content again (after a message appeared or went). */
    public static void fit(Dialog<?> d) {
        Window w = d.getDialogPane().getScene() == null ? null : d.getDialogPane().getScene().getWindow();
        if (w != null && w.isShowing()) w.sizeToScene();
    }

    public static void style(Dialog<?> d) {
        d.getDialogPane().getStyleClass().add("console-dialog");
        d.getDialogPane().getStylesheets().add(Forms.class.getResource("/dev/flotilla/ui/console.css").toExternalForm());
    }

    public static Button ok(Dialog<?> d) {
        return (Button) d.getDialogPane().lookupButton(ButtonType.OK);
    }

    /**
     * Makes OK run {@code work} (an engine command) and close the dialog only when it has succeeded; a refusal
     * goes to {@code onError} and the dialog stays open.
     */
    public static void onOk(Dialog<ButtonType> d, Supplier<CompletableFuture<?>> work, Consumer<Throwable> onError) {
        boolean[] busy = {false};
        ok(d).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            if (busy[0]) return;
            busy[0] = true;
            CompletableFuture<?> f;
            try {
                f = work.get();
            } catch (RuntimeException ex) {
                f = CompletableFuture.failedFuture(ex);
            }
            f.whenComplete((r, ex) -> Platform.runLater(() -> {
                busy[0] = false;
                if (ex == null) {
                    d.setResult(ButtonType.OK);
                    d.close();
                } else {
                    onError.accept(cause(ex));
                }
            }));
        });
    }

    /** A form row of a two-column grid: a bold label at the top left of its control. */
    public static void row(javafx.scene.layout.GridPane g, int row, String label, Node node) {
        Label l = new Label(label);
        l.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
        javafx.scene.layout.GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        l.setPadding(new javafx.geometry.Insets(4, 0, 0, 0));
        g.add(l, 0, row);
        g.add(node, 1, row);
    }
}
