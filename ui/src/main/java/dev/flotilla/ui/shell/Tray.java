package dev.flotilla.ui.shell;

import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.util.Optional;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system tray icon: notifications and a menu to show the window, halt the fleet (the kill switch dialog) or quit. It uses AWT's tray, the one
 * the desktops share; all AWT calls run on AWT's thread and every action comes back on the FX thread.
 * Where there is no tray the console runs normally and says so once in its log.
 */
final class Tray implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Tray.class);

    private final TrayIcon icon;

    private Tray(TrayIcon icon) {
        this.icon = icon;
    }

    /** Adds the icon, or returns empty (with one log line) where the desktop has no tray. */
    static Optional<Tray> install(Runnable showWindow, Runnable haltFleet, Runnable quit) {
        try {
            if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                log.info("this desktop has no system tray: Flotilla runs without a tray icon and its notifications");
                return Optional.empty();
            }
            PopupMenu menu = new PopupMenu();
            MenuItem show = new MenuItem("Show Flotilla");
            show.addActionListener(e -> Platform.runLater(showWindow));
            MenuItem halt = new MenuItem("Halt fleet…");
            halt.addActionListener(e -> Platform.runLater(haltFleet));
            MenuItem exit = new MenuItem("Quit");
            exit.addActionListener(e -> Platform.runLater(quit));
            menu.add(show);
            menu.add(halt);
            menu.addSeparator();
            menu.add(exit);
            TrayIcon icon = new TrayIcon(AppIcon.awt(64), "Flotilla", menu);
            icon.setImageAutoSize(true);
            icon.addActionListener(e -> Platform.runLater(showWindow));
            EventQueue.invokeAndWait(() -> {
                try {
                    SystemTray.getSystemTray().add(icon);
                } catch (java.awt.AWTException e) {
                    throw new IllegalStateException(e);
                }
            });
            return Optional.of(new Tray(icon));
        } catch (Exception | LinkageError e) {
            log.info("the system tray could not be used ({}): Flotilla runs without a tray icon", e.toString());
            return Optional.empty();
        }
    }

    void notify(Notices.Notice n) {
        TrayIcon.MessageType type = switch (n.level()) {
            case INFO -> TrayIcon.MessageType.INFO;
            case WARNING -> TrayIcon.MessageType.WARNING;
            case ERROR -> TrayIcon.MessageType.ERROR;
        };
        EventQueue.invokeLater(() -> icon.displayMessage(n.caption(), n.text(), type));
    }

    void tooltip(String text) {
        EventQueue.invokeLater(() -> icon.setToolTip(text));
    }

    @Override
    public void close() {
        EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }
}
