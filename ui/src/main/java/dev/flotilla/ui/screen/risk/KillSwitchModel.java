package dev.flotilla.ui.screen.risk;

import dev.flotilla.engine.api.FleetSnapshot;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The kill switch dialog's state: halt, or halt and flatten, and the confirmation naming exactly what that does
 * to the fleet as it is now. Works without a window.
 */
public final class KillSwitchModel {

    public enum Choice { HALT, FLATTEN }

    private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(Choice.HALT);
    private final int positions;
    private final int running;
    private final StringBinding confirmation;
    private final StringBinding okText;

    public KillSwitchModel(FleetSnapshot s) {
        this.positions = s.openPositions();
        this.running = s.running();
        confirmation = Bindings.createStringBinding(() -> confirmation(choice.get()), choice);
        okText = Bindings.createStringBinding(() -> choice.get() == Choice.HALT ? "Halt the fleet" : "Halt and flatten", choice);
    }

    String confirmation(Choice c) {
        String open = positions + (positions == 1 ? " open position" : " open positions");
        return switch (c) {
            case HALT -> "Halt: no automated order will be sent, not even a stop-loss; " + open
                    + (positions == 1 ? " stays" : " stay") + " open and unprotected. The " + running
                    + " running bots keep reading the market, and the fleet is HALTED until you release the kill switch.";
            case FLATTEN -> "Halt and flatten: " + (positions == 0 ? "no position is open, so nothing is sold"
                    : open.replace(" open", "") + " will be closed at market")
                    + ", then the fleet is HALTED: no further automated order until you release the kill switch.";
        };
    }

    /** The text for releasing the switch: what happens when it is turned off. */
    public static String releaseText(FleetSnapshot s) {
        return "Release the kill switch: the fleet returns to ACTIVE (or to REDUCING, if a breaker still calls for it) "
                + "and the " + s.running() + " running bots send orders again from their next decision. "
                + s.openPositions() + (s.openPositions() == 1 ? " open position gets its" : " open positions get their")
                + " stop-loss protection back.";
    }

    public ObjectProperty<Choice> choice() { return choice; }
    public StringBinding confirmation() { return confirmation; }
    public StringBinding okText() { return okText; }
    public boolean flatten() { return choice.get() == Choice.FLATTEN; }
}
