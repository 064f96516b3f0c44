package dev.flotilla.ui.screen.risk;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A red band over the dashboard while reconciliation differences hold the fleet halted; it lists them. */
public final class ReconciliationBanner extends HBox {

    private final Label text = new Label();
    private List<String> shown = List.of();

    public ReconciliationBanner(Runnable review) {
        super(12);
        getStyleClass().add("reconciliation-banner");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 12, 8, 12));
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_BOLD);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinWidth(0);
        Button decide = new Button("Review and decide…");
        decide.getStyleClass().add(Styles.SMALL);
        decide.setMinWidth(USE_PREF_SIZE);
        decide.setOnAction(e -> review.run());
        getChildren().addAll(text, decide);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /** FX thread. */
    public void show(List<String> differences) {
        if (differences.equals(shown)) return;
        shown = List.copyOf(differences);
        setVisible(!differences.isEmpty());
        text.setText("Fleet HALTED: the books and the broker disagree. " + String.join("; ", differences));
    }

    public String text() { return text.getText(); }
}
