package dev.flotilla.ui.shell;

import dev.flotilla.engine.api.EngineApi;
import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.screen.ai.AiLevelDialog;
import dev.flotilla.ui.screen.ai.AiLevelModel;
import dev.flotilla.ui.screen.dialog.Forms;
import dev.flotilla.ui.screen.risk.KillSwitchDialog;
import dev.flotilla.ui.screen.risk.KillSwitchModel;
import dev.flotilla.ui.screen.risk.LimitsDialog;
import dev.flotilla.ui.screen.risk.LimitsModel;
import dev.flotilla.ui.screen.risk.ReconciliationDialog;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/**
 * What the Risk menu, the kill switch tile, the tray and the fleet table's risk items do. Dialogs are shown
 * without blocking and returned, so a test can fill them in as a person would.
 */
public final class RiskActions {

    private final EngineApi engine;
    private final Supplier<Window> owner;
    private final Supplier<List<String>> selection;
    private LimitsDialog lastLimits;

    RiskActions(EngineApi engine, Supplier<Window> owner, Supplier<List<String>> selection) {
        this.engine = engine;
        this.owner = owner;
        this.selection = selection;
    }

    /** The kill switch dialog: halting when the switch is off, releasing it when it is on. */
    public KillSwitchDialog killSwitch() {
        KillSwitchDialog d = engine.risk().status().killSwitch()
                ? KillSwitchDialog.release(engine.snapshot(), engine.risk(), owner.get())
                : KillSwitchDialog.on(new KillSwitchModel(engine.snapshot()), engine.risk(), owner.get());
        d.dialog().show();
        return d;
    }

    public LimitsDialog portfolioLimits() {
        return limits(null);
    }

    /** @param botId a bot, or null for the portfolio */
    public LimitsDialog limits(String botId) {
        LimitsDialog d = new LimitsDialog(new LimitsModel(engine.risk(), botId), owner.get());
        d.dialog().show();
        lastLimits = d;
        return d;
    }

    /** The limits dialog opened last (from the fleet table's menu, which does not hand it back). */
    public LimitsDialog lastLimits() {
        return lastLimits;
    }

    public LimitsDialog limitsOfSelected() {
        List<String> ids = selection.get();
        return ids.size() == 1 ? limits(ids.getFirst()) : null;
    }

    public void resetBreaker(String botId) {
        try {
            engine.risk().resetBreaker(botId);
        } catch (IllegalArgumentException e) {
            error("The breaker of " + botId + " was not reset", e.getMessage());
        }
    }

    public void resetSelectedBreakers() {
        selection.get().forEach(this::resetBreaker);
    }

    public void resetPortfolioBreaker() {
        engine.risk().resetPortfolioBreaker();
    }

    /** The AI level's settings, status, per-bot toggles and latest analyses. */
    public AiLevelDialog aiLevel() {
        AiLevelDialog d = new AiLevelDialog(new AiLevelModel(engine.ai(), Loader.threadPerCall("console-ai")), owner.get());
        d.dialog().show();
        return d;
    }

    /** The reconciliation differences found at start and the operator's two choices; null when there are none. */
    public ReconciliationDialog reconciliation() {
        if (engine.reconciliationDifferences().isEmpty()) return null;
        ReconciliationDialog d = new ReconciliationDialog(engine, owner.get());
        d.dialog().show();
        return d;
    }

    /**
     * When reconciliation found differences at start: tells the tray (the mismatch event was published before the
     * console listened) and asks the operator at once.
     */
    void askAtStart(java.util.function.Consumer<Notices.Notice> tray) {
        if (engine.reconciliationDifferences().isEmpty()) return;
        tray.accept(new Notices.Notice("Reconciliation problem: the fleet is HALTED",
                String.join("\n", engine.reconciliationDifferences()), Notices.Level.ERROR));
        javafx.application.Platform.runLater(this::reconciliation);
    }

    private void error(String header, String text) {
        Forms.alert(owner.get(), Alert.AlertType.ERROR, header, text);
    }
}
