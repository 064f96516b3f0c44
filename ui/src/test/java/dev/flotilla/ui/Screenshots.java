package dev.flotilla.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;

/** Saves what a scene shows as a PNG under docs/screenshots, so people can look at it. */
final class Screenshots {
    static final Path DIR = Path.of("..", "docs", "screenshots");

    private Screenshots() {
    }

    /** Call on the FX thread. */
    static Path save(Scene scene, String name) throws Exception {
        Files.createDirectories(DIR);
        Path file = DIR.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile());
        return file;
    }
}
