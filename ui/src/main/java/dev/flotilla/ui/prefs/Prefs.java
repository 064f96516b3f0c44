package dev.flotilla.ui.prefs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's own settings, in a small properties file in the data folder (the engine's store is not the
 * place for window sizes). Every change is written at once; a missing or unreadable file means defaults.
 */
public final class Prefs {

    public enum Theme { SYSTEM, DARK, LIGHT }

    public enum CloseAction { QUIT, TRAY }

    public static final String FILE_NAME = "console.properties";
    private static final Logger log = LoggerFactory.getLogger(Prefs.class);

    private final Path file;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.SYSTEM);
    private final BooleanProperty notifyFills = new SimpleBooleanProperty(true);
    private final BooleanProperty notifyAlerts = new SimpleBooleanProperty(true);
    private final ObjectProperty<CloseAction> closeAction = new SimpleObjectProperty<>(CloseAction.QUIT);
    private final BooleanProperty helpSeen = new SimpleBooleanProperty(false);
    private WindowBounds window;

    private Prefs(Path file) {
        this.file = file;
    }

    /** Reads the file if there is one; later changes are saved to it. */
    public static Prefs load(Path file) {
        Prefs prefs = new Prefs(file);
        Properties p = new Properties();
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                log.warn("console settings {} could not be read ({}); using the defaults", file, e.getMessage());
            }
        }
        prefs.theme.set(parse(Theme.class, p.getProperty("theme"), Theme.SYSTEM));
        prefs.notifyFills.set(!"false".equals(p.getProperty("notify.fills")));
        prefs.notifyAlerts.set(!"false".equals(p.getProperty("notify.alerts")));
        prefs.closeAction.set(parse(CloseAction.class, p.getProperty("close"), CloseAction.QUIT));
        prefs.window = WindowBounds.parse(p.getProperty("window"));
        prefs.helpSeen.set("true".equals(p.getProperty("help.seen")));
        prefs.helpSeen.addListener((o, a, b) -> prefs.save());
        prefs.theme.addListener((o, a, b) -> prefs.save());
        prefs.notifyFills.addListener((o, a, b) -> prefs.save());
        prefs.notifyAlerts.addListener((o, a, b) -> prefs.save());
        prefs.closeAction.addListener((o, a, b) -> prefs.save());
        return prefs;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, E fallback) {
        if (text == null) return fallback;
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    public ObjectProperty<Theme> theme() {
        return theme;
    }

    /** A notification for every fill. */
    public BooleanProperty notifyFills() {
        return notifyFills;
    }

    /** Notifications for breakers, bot errors and reconciliation problems. */
    public BooleanProperty notifyAlerts() {
        return notifyAlerts;
    }

    public ObjectProperty<CloseAction> closeAction() {
        return closeAction;
    }

    /** Whether the first-run help has been dismissed (it is then never shown again). */
    public BooleanProperty helpSeen() {
        return helpSeen;
    }

    /** Where the window was last, or null. */
    public WindowBounds window() {
        return window;
    }

    public void window(WindowBounds bounds) {
        this.window = bounds;
        save();
    }

    private synchronized void save() {
        if (file == null) return;
        Properties p = new Properties();
        p.setProperty("theme", theme.get().name());
        p.setProperty("notify.fills", Boolean.toString(notifyFills.get()));
        p.setProperty("notify.alerts", Boolean.toString(notifyAlerts.get()));
        p.setProperty("close", closeAction.get().name());
        if (window != null) p.setProperty("window", window.format());
        if (helpSeen.get()) p.setProperty("help.seen", "true");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Flotilla console settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("console settings could not be saved to {}: {}", file, e.getMessage());
        }
    }
}
