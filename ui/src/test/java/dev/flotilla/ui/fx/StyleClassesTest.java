package dev.flotilla.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

class StyleClassesTest {

    static final List<String> PNL = List.of("pnl-up", "pnl-down");

    @Test
    void theClassListChangesOnlyWhenTheValueItStandsForDoes() {
        Region cell = new Region();
        cell.getStyleClass().add("numeric");
        int[] changes = {0};
        cell.getStyleClass().addListener((ListChangeListener<String>) c -> changes[0]++);

        StyleClasses.set(cell, "pnl-up", PNL);
        assertThat(cell.getStyleClass()).containsExactly("numeric", "pnl-up");
        int afterFirst = changes[0];
        for (int i = 0; i < 10; i++) StyleClasses.set(cell, "pnl-up", PNL);
        assertThat(changes[0]).as("the same value again and again restyles nothing").isEqualTo(afterFirst);

        StyleClasses.set(cell, "pnl-down", PNL);
        assertThat(cell.getStyleClass()).containsExactly("numeric", "pnl-down");
        StyleClasses.set(cell, null, PNL);
        assertThat(cell.getStyleClass()).containsExactly("numeric");
        int afterNone = changes[0];
        StyleClasses.set(cell, null, PNL);
        assertThat(changes[0]).isEqualTo(afterNone);
    }
}
