package dev.flotilla.ui.shell;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/**
 * The app's icon: the one the installers use ({@code resources/icons/flotilla.png}, which the app puts on the
 * class path), or, where it is not there (the console's own tests), a sail drawn on a blue disc.
 */
final class AppIcon {

    private static final String RESOURCE = "/flotilla/icons/flotilla.png";

    private AppIcon() {
    }

    static BufferedImage awt(int size) {
        BufferedImage shipped = shipped();
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        if (shipped != null) {
            g.drawImage(shipped, 0, 0, size, size, null);
        } else {
            drawn(g, size);
        }
        g.dispose();
        return img;
    }

    static Image fx(int size) {
        return SwingFXUtils.toFXImage(awt(size), null);
    }

    private static BufferedImage shipped() {
        try (InputStream in = AppIcon.class.getResourceAsStream(RESOURCE)) {
            return in == null ? null : ImageIO.read(in);
        } catch (IOException e) {
            return null;
        }
    }

    private static void drawn(Graphics2D g, int size) {
        double s = size / 32.0;
        g.setColor(new Color(0x1f, 0x6f, 0xeb));
        g.fillOval(0, 0, size, size);
        g.setColor(Color.WHITE);
        g.fill(new Polygon(new int[] {(int) (16 * s), (int) (16 * s), (int) (25 * s)},
                new int[] {(int) (5 * s), (int) (20 * s), (int) (20 * s)}, 3));
        g.fill(new Polygon(new int[] {(int) (14 * s), (int) (14 * s), (int) (8 * s)},
                new int[] {(int) (9 * s), (int) (20 * s), (int) (20 * s)}, 3));
        g.setStroke(new BasicStroke((float) (2.2 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine((int) (7 * s), (int) (23 * s), (int) (25 * s), (int) (23 * s));
    }
}
