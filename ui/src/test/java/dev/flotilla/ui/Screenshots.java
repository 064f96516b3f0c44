package dev.flotilla.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javax.imageio.ImageIO;

/** Saves what a scene shows as a PNG under docs/screenshots, so people can look at it. */
final class Screenshots {
    static final Path DIR = Path.of("..", "docs", "screenshots");

    private Screenshots() {
    }

    /** Call on the FX thread. */
    static Path save(Scene scene, String name) throws Exception {
        Files.createDirectories(DIR);
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        Path file = DIR.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile());
        return file;
    }

    static Path save(Dialog<?> dialog, String name) throws Exception {
        return save(dialog.getDialogPane().getScene(), name);
    }
}
