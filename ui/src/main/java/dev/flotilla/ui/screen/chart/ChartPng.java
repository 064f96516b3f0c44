package dev.flotilla.ui.screen.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/** A chart as a PNG file: what it shows now, at its size on screen. FX thread. */
final class ChartPng {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm'Z'").withZone(ZoneOffset.UTC);

    private ChartPng() {
    }

    static void write(Node chart, Path file) throws IOException {
        WritableImage image = chart.snapshot(null, null);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    /** A file chooser, a name like {@code ema-btc-15m-20260105-1300Z.png} proposed; null when the user cancels. */
    static Path choose(Window owner, String name, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the chart as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName((name == null ? "chart" : name) + "-" + STAMP.format(Instant.now()) + ".png");
        if (folder != null && folder.toFile().isDirectory()) chooser.setInitialDirectory(folder.toFile());
        var f = chooser.showSaveDialog(owner);
        if (f == null) return null;
        Path p = f.toPath();
        return p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? p
                : p.resolveSibling(p.getFileName() + ".png");
    }
}
