import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the Flotilla icon (three sails rising like bars over a wave, on a deep blue rounded square) at every
 * size each OS wants, and writes resources/icons/flotilla.png, flotilla-512.png, flotilla.ico and flotilla.icns.
 * The outputs are committed; run this again only to change the icon:
 *
 *   java -Djava.awt.headless=true jpackage/tools/FlotillaIcon.java resources/icons
 *
 * (with a JDK 25 java, from the repository root).
 */
public final class FlotillaIcon {

    private static final Color TOP = new Color(0x0B2545);
    private static final Color BOTTOM = new Color(0x13578A);
    private static final Color SEA = new Color(0x1C8DC4);
    private static final Color SAIL = new Color(0xF4F7FB);
    private static final Color ACCENT = new Color(0x3DDC97);
    private static final Color HULL = new Color(0xDCE6F0);

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "resources/icons");
        Files.createDirectories(dir);
        ImageIO.write(draw(256), "png", dir.resolve("flotilla.png").toFile());
        ImageIO.write(draw(512), "png", dir.resolve("flotilla-512.png").toFile());
        Files.write(dir.resolve("flotilla.ico"), ico(16, 20, 24, 32, 40, 48, 64, 128, 256));
        Files.write(dir.resolve("flotilla.icns"), icns());
        System.out.println("icons written to " + dir);
    }

    /** The icon drawn for one pixel size (vector shapes, so each size is sharp, not a scaled bitmap). */
    static BufferedImage draw(int px) {
        BufferedImage img = new BufferedImage(px, px, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(px / 1024.0, px / 1024.0);

        // the tile: small sizes fill the square, large ones keep a margin like other desktop icons
        double inset = px <= 32 ? 16 : 72;
        double side = 1024 - 2 * inset;
        RoundRectangle2D tile = new RoundRectangle2D.Double(inset, inset, side, side, side * 0.42, side * 0.42);
        g.setPaint(new GradientPaint(0, (float) inset, TOP, 0, (float) (inset + side), BOTTOM));
        g.fill(tile);
        g.clip(tile);

        // the sea: a band of water below the waterline
        double water = 700;
        Path2D sea = new Path2D.Double();
        sea.moveTo(0, water);
        for (int i = 0; i <= 8; i++) {
            double x0 = i * 128;
            sea.quadTo(x0 + 64, water + (i % 2 == 0 ? 22 : -22), x0 + 128, water);
        }
        sea.lineTo(1024, 1024);
        sea.lineTo(0, 1024);
        sea.closePath();
        g.setColor(SEA);
        g.fill(sea);

        // three boats, their sails rising from left to right like the bars of a chart
        boat(g, 205, water, 230, SAIL, px);
        boat(g, 430, water, 330, SAIL, px);
        boat(g, 665, water, 450, ACCENT, px);

        // a thin crest on the wave for the larger sizes
        if (px >= 48) {
            Path2D crest = new Path2D.Double();
            crest.moveTo(0, water + 70);
            for (int i = 0; i <= 8; i++) {
                double x0 = i * 128;
                crest.quadTo(x0 + 64, water + 70 + (i % 2 == 0 ? 26 : -26), x0 + 128, water + 70);
            }
            g.setColor(new Color(255, 255, 255, 70));
            g.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(crest);
        }
        g.dispose();
        return img;
    }

    /** A sail (a right triangle on its mast) over a small hull, the mast at x, the hull's deck at y. */
    private static void boat(Graphics2D g, double x, double y, double height, Color sail, int px) {
        double width = height * 0.5;
        double deck = y - 22;
        Path2D s = new Path2D.Double();
        s.moveTo(x, deck - 20 - height);
        s.lineTo(x + width, deck - 20);
        s.lineTo(x, deck - 20);
        s.closePath();
        g.setColor(sail);
        g.fill(s);
        if (px >= 24) {
            Path2D hull = new Path2D.Double();
            hull.moveTo(x - 35, deck);
            hull.lineTo(x + width + 15, deck);
            hull.lineTo(x + width - 20, deck + 50);
            hull.lineTo(x - 10, deck + 50);
            hull.closePath();
            g.setColor(HULL);
            g.fill(hull);
        }
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** A Windows .ico: 32-bit bitmaps up to 128 pixels, a PNG for 256 (as Windows itself does). */
    static byte[] ico(int... sizes) throws IOException {
        List<byte[]> images = new ArrayList<>();
        for (int size : sizes) images.add(size >= 256 ? png(draw(size)) : dib(draw(size)));
        ByteBuffer head = ByteBuffer.allocate(6 + 16 * sizes.length).order(ByteOrder.LITTLE_ENDIAN);
        head.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = head.capacity();
        for (int i = 0; i < sizes.length; i++) {
            int s = sizes[i];
            head.put((byte) (s >= 256 ? 0 : s)).put((byte) (s >= 256 ? 0 : s)).put((byte) 0).put((byte) 0);
            head.putShort((short) 1).putShort((short) 32).putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head.array());
        for (byte[] image : images) out.write(image);
        return out.toByteArray();
    }

    /** One icon image in the .ico bitmap form: a BITMAPINFOHEADER, BGRA rows bottom-up, then the AND mask. */
    private static byte[] dib(BufferedImage img) {
        int n = img.getWidth();
        int maskRow = ((n + 31) / 32) * 4;
        ByteBuffer b = ByteBuffer.allocate(40 + n * n * 4 + maskRow * n).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(40).putInt(n).putInt(2 * n).putShort((short) 1).putShort((short) 32).putInt(0)
                .putInt(n * n * 4 + maskRow * n).putInt(0).putInt(0).putInt(0).putInt(0);
        for (int y = n - 1; y >= 0; y--) {
            for (int x = 0; x < n; x++) {
                int argb = img.getRGB(x, y);
                b.put((byte) argb).put((byte) (argb >> 8)).put((byte) (argb >> 16)).put((byte) (argb >>> 24));
            }
        }
        for (int y = n - 1; y >= 0; y--) {
            byte[] row = new byte[maskRow];
            for (int x = 0; x < n; x++) {
                if ((img.getRGB(x, y) >>> 24) == 0) row[x / 8] |= (byte) (0x80 >> (x % 8));
            }
            b.put(row);
        }
        return b.array();
    }

    /** A macOS .icns of PNG images, 16 to 1024 pixels (the Retina types included). */
    static byte[] icns() throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        types.put("ic11", 32);
        types.put("ic12", 64);
        types.put("ic13", 256);
        types.put("ic14", 512);
        Map<Integer, byte[]> drawn = new LinkedHashMap<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body);
        for (Map.Entry<String, Integer> t : types.entrySet()) {
            byte[] image = drawn.computeIfAbsent(t.getValue(), s -> {
                try {
                    return png(draw(s));
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            data.writeBytes(t.getKey());
            data.writeInt(8 + image.length);
            data.write(image);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream file = new DataOutputStream(out);
        file.writeBytes("icns");
        file.writeInt(8 + body.size());
        file.write(body.toByteArray());
        return out.toByteArray();
    }
}
