package dev.flotilla.ui.prefs;

import java.util.Locale;

/** Where the main window was and how big, as remembered between runs. */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

    String format() {
        return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%b", x, y, width, height, maximized);
    }

    /** Null when the text is missing or damaged. */
    static WindowBounds parse(String text) {
        if (text == null) return null;
        String[] f = text.split(",");
        if (f.length != 5) return null;
        try {
            WindowBounds b = new WindowBounds(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Boolean.parseBoolean(f[4]));
            return b.width() >= 200 && b.height() >= 150 ? b : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
