package dev.flotilla.ui.shell;

import dev.flotilla.engine.api.EngineApi;
import dev.flotilla.engine.api.FleetRefusedException;
import dev.flotilla.ui.screen.dialog.Forms;
import dev.flotilla.ui.screen.fleetfile.FleetImportDialog;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File > Import fleet file…: the file chosen, its plan made by the engine, then shown before anything changes. */
final class FleetFileActions {

    private final EngineApi engine;
    private final Supplier<Window> owner;

    FleetFileActions(EngineApi engine, Supplier<Window> owner) {
        this.engine = engine;
        this.owner = owner;
    }

    void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import fleet file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Fleet files (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(owner.get());
        if (file != null) open(file.toPath());
    }

    /**
     * The plan of a fleet file, made by the engine off this thread, then shown in a dialog whose OK applies it; a file
     * the engine refuses gets its message instead. Completes with the dialog shown, or null.
     */
    CompletableFuture<FleetImportDialog> open(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            error("The fleet file cannot be read", file + ": " + e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        String name = String.valueOf(file.getFileName());
        CompletableFuture<FleetImportDialog> shown = new CompletableFuture<>();
        engine.fleetImport().plan(json).whenComplete((plan, e) -> Platform.runLater(() -> {
            if (e != null) {
                Throwable t = Forms.cause(e);
                error(name + " was refused: nothing was changed", t instanceof FleetRefusedException r
                        ? "• " + String.join("\n• ", r.problems()) : String.valueOf(t.getMessage()));
                shown.complete(null);
                return;
            }
            FleetImportDialog d = new FleetImportDialog(engine.fleetImport(), name, json, plan, owner.get());
            d.dialog().show();
            shown.complete(d);
        }));
        return shown;
    }

    private void error(String header, String text) {
        Forms.alert(owner.get(), Alert.AlertType.ERROR, header, text);
    }
}
