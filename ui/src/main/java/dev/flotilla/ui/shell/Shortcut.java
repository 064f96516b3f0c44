package dev.flotilla.ui.shell;

import java.util.List;
import javafx.scene.input.KeyCombination;

/** The console's keyboard shortcuts, in one list: the menus use them and the help dialog shows them. */
public enum Shortcut {
    NEW_BOT("Shortcut+N", "New bot…"),
    EDIT_BOT("Shortcut+E", "Edit the selected bot…"),
    PARAM_HISTORY("Shortcut+Shift+E", "Parameter history of the selected bot… (with undo)"),
    START_SELECTED("Shortcut+R", "Start the selected bots"),
    STOP_SELECTED("Shortcut+Period", "Stop the selected bots"),
    START_STOP("Shortcut+B", "Start or stop bots… (the selected ones or all)"),
    KILL_SWITCH("Shortcut+K", "Kill switch… (halt, or halt and flatten; release when on)"),
    RISK_LIMITS("Shortcut+L", "Risk limits of the portfolio…"),
    FIND("Shortcut+F", "Find in the fleet table (Esc clears the filter)"),
    DASHBOARD("Shortcut+D", "Show the dashboard"),
    BACKTESTS("Shortcut+Shift+B", "Show the backtests (run, compare, sweep)"),
    LOG_FILE("Shortcut+Shift+L", "Show the log file (its recent lines, following it)"),
    PERFORMANCE("Shortcut+Shift+P", "Show the performance views (by bot, strategy type, symbol; PnL by day, week, month)"),
    EXPORT("Shortcut+Shift+X", "Export… (trades, orders, positions, risk events, equity, performance as CSV)"),
    IMPORT_FLEET("Shortcut+I", "Import fleet file… (shows its changes first)"),
    SAVE_CHART("Shortcut+Shift+S", "Save the price chart as PNG…"),
    SETTINGS("Shortcut+Comma", "Settings…"),
    HELP("F1", "Keyboard shortcuts"),
    QUIT("Shortcut+Q", "Quit (the engine stops cleanly)");

    private final KeyCombination keys;
    private final String description;

    Shortcut(String keys, String description) {
        this.keys = KeyCombination.keyCombination(keys);
        this.description = description;
    }

    public KeyCombination keys() {
        return keys;
    }

    public String description() {
        return description;
    }

    /** The keys as this platform writes them, e.g. "Ctrl+N" (or "⌘N" on macOS). */
    public String display() {
        return keys.getDisplayText();
    }

    public static List<Shortcut> all() {
        return List.of(values());
    }
}
