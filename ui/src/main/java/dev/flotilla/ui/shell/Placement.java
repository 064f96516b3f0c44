package dev.flotilla.ui.shell;

import dev.flotilla.ui.prefs.Prefs;
import dev.flotilla.ui.prefs.WindowBounds;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Puts the window where it was last time, if that is still on a screen, and remembers where it is now. */
final class Placement {

    static final double WIDTH = 1600;
    static final double HEIGHT = 1000;

    private Placement() {
    }

    static void restore(Stage stage, Prefs prefs) {
        WindowBounds b = prefs.window();
        if (b != null && !Screen.getScreensForRectangle(new Rectangle2D(b.x(), b.y(), b.width(), b.height())).isEmpty()) {
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            stage.setMaximized(b.maximized());
            return;
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(WIDTH, screen.getWidth()));
        stage.setHeight(Math.min(HEIGHT, screen.getHeight()));
        stage.centerOnScreen();
    }

    static void remember(Stage stage, Prefs prefs) {
        if (Double.isNaN(stage.getX()) || stage.getWidth() <= 0) return;
        prefs.window(new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized()));
    }
}
