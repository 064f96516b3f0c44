package dev.flotilla.ui.screen.fleetfile;

import atlantafx.base.theme.Styles;
import dev.flotilla.engine.api.FleetImport;
import dev.flotilla.engine.api.FleetPlan;
import dev.flotilla.engine.api.FleetRefusedException;
import dev.flotilla.ui.screen.dialog.Forms;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * What a fleet file does to the running fleet, before it does it: the bots it adds, changes (each field, old → new) and
 * removes, and how many stay as they are. OK applies it in one step of the engine; Cancel changes nothing. Should the
 * fleet have moved since the plan was made (the engine checks), the refusal shows under the plan and nothing changes.
 */
public final class FleetImportDialog {

    private final Dialog<ButtonType> dialog;
    private final StringProperty problem = new SimpleStringProperty("");

    public FleetImportDialog(FleetImport fleet, String fileName, String json, FleetPlan plan, Window owner) {
        VBox sections = new VBox(12);
        section(sections, "Add", "+", "plan-add", Styles.SUCCESS, plan.add(), "new bots; they start running");
        section(sections, "Change", "~", "plan-change", Styles.WARNING, plan.change(),
                "their books, trades and any open position stay");
        section(sections, "Remove", "−", "plan-remove", Styles.DANGER, plan.remove(), "flat bots; their history stays");
        Label summary = new Label(plan.empty() ? "The file matches the running fleet: nothing to change ("
                + plan.unchanged() + " bots)." : plan.counts().substring(0, 1).toUpperCase() + plan.counts().substring(1) + ".");
        summary.getStyleClass().addAll("plan-counts", Styles.TEXT_BOLD);
        summary.setWrapText(true);
        ScrollPane list = new ScrollPane(sections);
        list.setFitToWidth(true);
        list.setPrefViewportHeight(Math.min(380, 40 + 26 * lines(plan)));
        list.setVisible(!plan.empty());
        list.managedProperty().bind(list.visibleProperty());
        Label intro = Forms.hint("Every bot has been checked with the engine's rules. OK applies the whole file in one "
                + "step, with nothing traded in between; Cancel changes nothing.");
        VBox content = new VBox(10, summary, intro, list, Forms.message(problem));
        content.setPadding(new Insets(4));
        content.setPrefWidth(660);
        dialog = Forms.dialog(owner, "Import fleet file", "Import " + fileName, content, new SimpleBooleanProperty(!plan.empty()));
        Forms.ok(dialog).setText("Apply to the fleet");
        Forms.onOk(dialog, () -> fleet.apply(json, plan.fingerprint()), e -> problem.set(e instanceof FleetRefusedException r ? String.join("\n", r.problems()) : String.valueOf(e.getMessage())));
    }

    private static int lines(FleetPlan p) {
        int n = 0;
        for (List<FleetPlan.Bot> s : List.of(p.add(), p.change(), p.remove())) {
            if (s.isEmpty()) continue;
            n += 1 + s.size();
            for (FleetPlan.Bot b : s) n += b.changes().size();
        }
        return n;
    }

    private static void section(VBox into, String title, String mark, String styleClass, String accent,
                                List<FleetPlan.Bot> bots, String note) {
        if (bots.isEmpty()) return;
        Label head = new Label(title + " (" + bots.size() + ")");
        head.getStyleClass().addAll("plan-section", Styles.TITLE_4, accent);
        VBox box = new VBox(4, head, Forms.hint(note));
        for (FleetPlan.Bot b : bots) {
            Label id = new Label(mark + " " + b.id());
            id.getStyleClass().addAll(styleClass, Styles.TEXT_BOLD);
            id.setMinWidth(Label.USE_PREF_SIZE);
            Label what = new Label(b.description());
            what.getStyleClass().add("plan-bot");
            what.setWrapText(true);
            what.setMinHeight(Label.USE_PREF_SIZE);
            box.getChildren().add(new HBox(10, id, what));
            for (String c : b.changes()) {
                Label change = new Label(c);
                change.getStyleClass().addAll("plan-field", Styles.TEXT_SMALL);
                change.setPadding(new Insets(0, 0, 0, 22));
                box.getChildren().add(change);
            }
        }
        into.getChildren().add(box);
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }

    /** The refusal shown under the plan, or "". */
    public String problem() {
        return problem.get();
    }
}
