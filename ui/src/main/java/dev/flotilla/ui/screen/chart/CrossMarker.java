package dev.flotilla.ui.screen.chart;

import io.fair_acc.chartfx.marker.Marker;
import javafx.scene.canvas.GraphicsContext;

/** A bold cross: an entry the AI level vetoed, which never became a trade. */
final class CrossMarker implements Marker {

    static final CrossMarker INSTANCE = new CrossMarker();

    private CrossMarker() {
    }

    @Override
    public void draw(GraphicsContext gc, double x, double y, double size) {
        double s = Math.max(size, 5);
        double w = gc.getLineWidth();
        gc.setStroke(gc.getFill());
        gc.setLineWidth(2.5);
        gc.strokeLine(x - s, y - s, x + s, y + s);
        gc.strokeLine(x - s, y + s, x + s, y - s);
        gc.setLineWidth(w);
    }
}
