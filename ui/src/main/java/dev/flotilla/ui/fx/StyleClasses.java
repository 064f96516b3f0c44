package dev.flotilla.ui.fx;

import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.Node;

/**
 * Style classes that stand for a value (a state, a sign), set only when they change. Every change of a node's class
 * list has JavaFX work out that node's styles again, so a table cell that took its class off and put it back at each
 * update (the fleet's rows update at every pulse) kept the whole window restyling itself.
 */
public final class StyleClasses {

    private StyleClasses() {
    }

    /** Leaves {@code wanted} (or none, if null) as the only class of {@code group} on {@code n}; touches nothing else. */
    public static void set(Node n, String wanted, List<String> group) {
        ObservableList<String> classes = n.getStyleClass();
        boolean has = wanted == null || classes.contains(wanted);
        boolean others = false;
        for (String c : group) {
            if (!c.equals(wanted) && classes.contains(c)) {
                others = true;
                break;
            }
        }
        if (has && !others) return;
        if (others) classes.removeAll(group.stream().filter(c -> !c.equals(wanted)).toList());
        if (!has) classes.add(wanted);
    }
}
