package dev.flotilla.ui.screen.chart;

import io.fair_acc.chartfx.marker.Marker;
import javafx.scene.canvas.GraphicsContext;

/** A filled triangle pointing up (an entry) or down (an exit), the usual trade marks. */
enum TriangleMarker implements Marker {
    UP(true), DOWN(false);

    private final boolean up;

    TriangleMarker(boolean up) {
        this.up = up;
    }

    @Override
    public void draw(GraphicsContext gc, double x, double y, double size) {
        double s = Math.max(size, 4);
        double tip = up ? y - s : y + s;
        double base = up ? y + s : y - s;
        gc.fillPolygon(new double[] {x - s, x + s, x}, new double[] {base, base, tip}, 3);
    }
}
