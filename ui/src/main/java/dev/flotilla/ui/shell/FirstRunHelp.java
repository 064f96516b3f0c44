package dev.flotilla.ui.shell;

import atlantafx.base.theme.Styles;
import dev.flotilla.ui.prefs.Prefs;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The first start's help: the window darkened but for the kill switch and the fleet table, each outlined and numbered,
 * and a card saying what they are and that F1 lists the shortcuts. The window takes no click until "Got it" (or Esc)
 * dismisses it, and the console's settings remember that, so it is never shown again. It lies over the window's own
 * layout (an unmanaged child of its root) and changes nothing in it.
 */
public final class FirstRunHelp {

    private static final double PAD = 6;

    private final BorderPane root;
    private final Node killSwitch;
    private final Node fleet;
    private final Prefs prefs;
    private final Pane layer = new Pane();
    private final VBox card;
    private final Button gotIt = new Button("Got it");

    FirstRunHelp(BorderPane root, Node killSwitch, Node fleet, Prefs prefs) {
        this.root = root;
        this.killSwitch = killSwitch;
        this.fleet = fleet;
        this.prefs = prefs;
        Label title = new Label("Welcome to Flotilla");
        title.getStyleClass().add(Styles.TITLE_3);
        gotIt.getStyleClass().add(Styles.ACCENT);
        gotIt.setDefaultButton(true);
        gotIt.setOnAction(e -> dismiss());
        HBox buttons = new HBox(gotIt);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        card = new VBox(12, title,
                point("1", "The kill switch", "Halt… stops every automated order at once, or halts and closes every "
                        + "position (" + Shortcut.KILL_SWITCH.display() + "). It sits beside the fleet's trading state."),
                point("2", "The fleet table", "Right-click a bot to start or stop it, edit it, see its chart, its risk "
                        + "limits and parameter history, or close its position."),
                point("F1", "Keyboard shortcuts", "Every shortcut of the console, at any time."),
                buttons);
        card.getStyleClass().add("first-run-card");
        card.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 8; -fx-border-color: "
                + "-color-accent-emphasis; -fx-border-radius: 8; -fx-border-width: 2; -fx-padding: 18;");
        card.setPrefWidth(420);
        card.setMaxWidth(420);
        layer.getStyleClass().add("first-run-help");
        layer.setManaged(false);
        layer.setPickOnBounds(true);  // the window waits under the help until it is dismissed
        layer.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) dismiss();
        });
        root.widthProperty().addListener((o, a, b) -> place());
        root.heightProperty().addListener((o, a, b) -> place());
    }

    private static HBox point(String mark, String what, String text) {
        Label badge = badge(mark);
        Label head = new Label(what);
        head.getStyleClass().add(Styles.TEXT_BOLD);
        Label body = new Label(text);
        body.setWrapText(true);
        VBox words = new VBox(2, head, body);
        words.setMaxWidth(340);
        HBox row = new HBox(10, badge, words);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    private static Label badge(String mark) {
        Label l = new Label(mark);
        l.setMinSize(28, 28);
        l.setAlignment(Pos.CENTER);
        l.setStyle("-fx-background-color: -color-accent-emphasis; -fx-text-fill: -color-fg-emphasis; -fx-background-radius: 14;"
                + " -fx-font-weight: bold;");
        return l;
    }

    /** Shows the help unless it was dismissed before; returns whether it shows. */
    public boolean showIfNew() {
        if (prefs.helpSeen().get()) return false;
        if (!showing()) root.getChildren().add(layer);
        place();
        Platform.runLater(() -> {  // once the window is laid out, the outlines find their nodes
            place();
            gotIt.requestFocus();
        });
        return true;
    }

    public boolean showing() {
        return root.getChildren().contains(layer);
    }

    /** Hides the help for good. */
    public void dismiss() {
        root.getChildren().remove(layer);
        prefs.helpSeen().set(true);
    }

    public Button gotIt() {
        return gotIt;
    }

    public VBox card() {
        return card;
    }

    private void place() {
        if (!showing()) return;
        double w = root.getWidth();
        double h = root.getHeight();
        layer.resizeRelocate(0, 0, w, h);
        Rectangle kill = around(killSwitch);
        Rectangle table = around(fleet);
        Canvas dim = new Canvas(w, h);  // the window darkened, but for the two places pointed at (a spotlight)
        var g = dim.getGraphicsContext2D();
        g.setFill(Color.rgb(20, 24, 30));
        g.fillRect(0, 0, w, h);
        for (Rectangle r : List.of(kill, table)) g.clearRect(r.getX(), r.getY(), r.getWidth(), r.getHeight());
        dim.setOpacity(0.92);
        dim.setMouseTransparent(true);
        layer.getChildren().setAll(dim, outline(kill), outline(table), at(badge("1"), kill), at(badge("2"), table), card);
        card.applyCss();
        card.autosize();
        double x = Math.max(table.getX() + table.getWidth() + 24, w - card.getWidth() - 32);
        card.relocate(Math.min(x, Math.max(0, w - card.getWidth() - 8)), Math.max(kill.getY() + kill.getHeight() + 40, 120));
    }

    private Rectangle around(Node n) {
        Bounds b = root.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
        return new Rectangle(b.getMinX() - PAD, b.getMinY() - PAD, b.getWidth() + 2 * PAD, b.getHeight() + 2 * PAD);
    }

    private static Rectangle outline(Rectangle r) {
        Rectangle o = new Rectangle(r.getX(), r.getY(), r.getWidth(), r.getHeight());
        o.setFill(Color.TRANSPARENT);
        o.setStroke(Color.web("#f0b429"));
        o.setStrokeWidth(3);
        o.setArcWidth(10);
        o.setArcHeight(10);
        o.setMouseTransparent(true);
        return o;
    }

    private static Node at(Label badge, Rectangle r) {
        badge.relocate(Math.max(2, r.getX() - 14), Math.max(2, r.getY() - 14));
        return badge;
    }

    /** The outlined nodes, for tests: the kill switch and the fleet table. */
    public List<Node> pointsAt() {
        return List.of(killSwitch, fleet);
    }
}
