package dev.flotilla.ui.shell;

import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.api.ClosePlan;
import dev.flotilla.engine.api.CloseResult;
import dev.flotilla.engine.api.EngineApi;
import dev.flotilla.ui.screen.dialog.Forms;
import dev.flotilla.ui.screen.risk.ManualCloseDialog;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/**
 * Closing positions by hand, from the fleet table, the positions table and the Risk menu: the engine makes the plan
 * off the FX thread, then a confirmation names every position it would sell; OK sells exactly those. Each method
 * completes with the dialog shown, or null when there was nothing to close (the operator is told so).
 */
public final class PositionActions {

    private final EngineApi engine;
    private final Supplier<Window> owner;
    private final Supplier<List<String>> selection;
    private volatile CloseResult last;

    PositionActions(EngineApi engine, Supplier<Window> owner, Supplier<List<String>> selection) {
        this.engine = engine;
        this.owner = owner;
        this.selection = selection;
    }

    /** The open positions of these bots (one each at most). */
    public CompletableFuture<ManualCloseDialog> closeBots(List<String> botIds) {
        if (botIds.isEmpty()) return CompletableFuture.completedFuture(null);
        return confirm(() -> engine.risk().planCloseBots(botIds));
    }

    /** Every open position in a symbol, e.g. "BTC/USDT". */
    public CompletableFuture<ManualCloseDialog> closeSymbol(String symbol) {
        return confirm(() -> engine.risk().planCloseSymbol(symbol));
    }

    public CompletableFuture<ManualCloseDialog> closeSelected() {
        return closeBots(selection.get());
    }

    /** Every open position in the symbol of the bot selected (the first, when several are). */
    public CompletableFuture<ManualCloseDialog> closeSelectedSymbol() {
        List<String> ids = selection.get();
        return ids.isEmpty() ? CompletableFuture.completedFuture(null) : closeSymbolOf(ids.getFirst());
    }

    /** Every open position in the symbol a bot trades. */
    public CompletableFuture<ManualCloseDialog> closeSymbolOf(String botId) {
        return engine.snapshot().bots().stream().filter(b -> b.id().equals(botId)).map(BotView::symbol).findFirst()
                .map(this::closeSymbol).orElse(CompletableFuture.completedFuture(null));
    }

    /** What the last confirmed close did, or null. */
    public CloseResult lastResult() {
        return last;
    }

    private CompletableFuture<ManualCloseDialog> confirm(Supplier<CompletableFuture<ClosePlan>> plan) {
        CompletableFuture<ManualCloseDialog> shown = new CompletableFuture<>();
        CompletableFuture<ClosePlan> asked;
        try {
            asked = plan.get();
        } catch (RuntimeException e) {
            asked = CompletableFuture.failedFuture(e);
        }
        asked.whenComplete((p, e) -> Platform.runLater(() -> {
            if (e != null) {
                Throwable t = Forms.cause(e);
                alert(Alert.AlertType.ERROR, "Nothing was closed", t.getMessage());
                shown.complete(null);
            } else if (p.empty()) {
                alert(Alert.AlertType.INFORMATION, "Nothing to close", p.summary());
                shown.complete(null);
            } else {
                ManualCloseDialog d = new ManualCloseDialog(p, engine.risk(), owner.get(), this::closed);
                d.dialog().show();
                shown.complete(d);
            }
        }));
        return shown;
    }

    private void closed(CloseResult r) {
        last = r;
        if (r.notClosed().isEmpty()) return;  // the tables and the event log show what was sold
        alert(Alert.AlertType.WARNING, r.summary(), String.join("\n", r.notClosed()));
    }

    private void alert(Alert.AlertType type, String header, String text) {
        Forms.alert(owner.get(), type, header, text);
    }
}
