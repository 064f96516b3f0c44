package dev.flotilla.ui;

import dev.flotilla.ui.shell.Console;
import dev.flotilla.ui.shell.MainWindow;
import java.nio.file.Path;

/**
 * The console's window on a live engine with the default fleet, as the tests open it: shown (at a set size, or the
 * size it picks itself), its settings in the test's folder, and the fleet listed before the test starts.
 */
final class OpenConsole implements AutoCloseable {

    final LiveEngine live;
    final Console console;
    final MainWindow window;

    private OpenConsole(LiveEngine live, Console console) {
        this.live = live;
        this.console = console;
        this.window = console.window();
    }

    /** The window at {@code width} x {@code height} on an engine the test made (and closes), once the fleet is listed. */
    static OpenConsole on(LiveEngine live, Path dir, double width, double height) throws Exception {
        Fx.start();
        Console console = Fx.on(() -> {
            Console c = new Console(live.engine, dir.resolve("console.properties"), false, () -> { });
            c.window().stage().setWidth(width);
            c.window().stage().setHeight(height);
            c.show();
            return c;
        });
        OpenConsole open = new OpenConsole(live, console);
        Fx.await("the fleet is listed", () -> open.window.fleet().rows().size() == 45);
        return open;
    }

    /** An engine running at {@code speed} in {@code dir}, and the window on it at its own size. */
    static OpenConsole open(Path dir, double speed) throws Exception {
        return open(dir, speed, 0, 0);
    }

    /** The same at {@code width} x {@code height} (0 x 0: the window's own size). */
    static OpenConsole open(Path dir, double speed, double width, double height) throws Exception {
        return open(dir, speed, width, height, null);
    }

    /** The same with the mode badge's text given (null: the sandbox's). */
    static OpenConsole open(Path dir, double speed, double width, double height, String mode) throws Exception {
        Fx.start();
        LiveEngine live = (mode == null ? new LiveEngine(dir, speed) : new LiveEngine(dir, speed, mode)).start();
        Console console = Fx.on(() -> {
            Console c = new Console(live.engine, dir.resolve("console.properties"), false, () -> { });
            if (width > 0) {
                c.window().stage().setWidth(width);
                c.window().stage().setHeight(height);
            }
            c.show();
            return c;
        });
        OpenConsole open = new OpenConsole(live, console);
        Fx.await("the fleet is listed", () -> open.window.fleet().rows().size() == 45);
        return open;
    }

    /**
     * A console window of 1600 x 1000 in {@code theme} on an engine a test already has (running or stopped), its
     * settings in {@code dir}, shown once the fleet is listed.
     */
    static Console window(LiveEngine live, Path dir, dev.flotilla.ui.prefs.Prefs.Theme theme) throws Exception {
        Console console = Fx.on(() -> {
            Console c = new Console(live.engine, dir.resolve("console.properties"), false, () -> { });
            c.prefs().theme().set(theme);
            c.window().stage().setWidth(1600);
            c.window().stage().setHeight(1000);
            c.show();
            return c;
        });
        Fx.await("the fleet is listed", () -> console.window().fleet().rows().size() == 45);
        return console;
    }

    @Override
    public void close() throws Exception {
        Fx.run(console::quit);
        live.close();
    }
}
