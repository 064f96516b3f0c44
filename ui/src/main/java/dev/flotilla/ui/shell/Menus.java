package dev.flotilla.ui.shell;

import dev.flotilla.ui.screen.startstop.StartStopModel;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The menu bar; every item with a shortcut takes it from {@link Shortcut}. */
final class Menus {

    private Menus() {
    }

    /**
     * @param backtests shows the Backtests screen, or null where the console has none
     * @param logFile   shows the log file's tab
     */
    static MenuBar bar(Actions a, Runnable find, Runnable quit, Runnable dashboard, Runnable backtests, Runnable logFile) {
        Menu file = new Menu("_File", null,
                item("Import fleet file…", Shortcut.IMPORT_FLEET, a::importFleet),
                new SeparatorMenuItem(),
                item("Settings…", Shortcut.SETTINGS, a::settings),
                plain("Binance keys…", a::keys),
                plain("Telegram…", a::telegram),
                plain("Plug-ins…", a::plugins),
                new SeparatorMenuItem(),
                item("Quit", Shortcut.QUIT, quit));
        Menu bots = new Menu("_Bots", null,
                item("New bot…", Shortcut.NEW_BOT, a::newBot),
                item("Edit the selected bot…", Shortcut.EDIT_BOT, a::editSelected),
                item("Parameter history of the selected bot…", Shortcut.PARAM_HISTORY, a::paramHistoryOfSelected),
                new SeparatorMenuItem(),
                item("Start the selected bots", Shortcut.START_SELECTED, a::startSelected),
                item("Stop the selected bots", Shortcut.STOP_SELECTED, a::stopSelected),
                item("Start or stop bots…", Shortcut.START_STOP, () -> a.startStop(StartStopModel.Action.START)),
                new SeparatorMenuItem(),
                item("Find in the fleet table", Shortcut.FIND, find));
        Menu risk = new Menu("_Risk", null,
                item("Kill switch…", Shortcut.KILL_SWITCH, a.risk()::killSwitch),
                plain("Close the selected bots' positions…", a.positions()::closeSelected),
                plain("Close all positions in the selected bot's symbol…", a.positions()::closeSelectedSymbol),
                new SeparatorMenuItem(),
                item("Portfolio limits…", Shortcut.RISK_LIMITS, a.risk()::portfolioLimits),
                plain("Limits of the selected bot…", a.risk()::limitsOfSelected),
                plain("Reset the selected bots' breakers", a.risk()::resetSelectedBreakers),
                plain("Reset the portfolio breaker", a.risk()::resetPortfolioBreaker),
                new SeparatorMenuItem(),
                plain("AI level…", a.risk()::aiLevel));
        MenuItem backtestsItem = item("Backtests", Shortcut.BACKTESTS, backtests == null ? () -> { } : backtests);
        backtestsItem.setDisable(backtests == null);
        Menu view = new Menu("_View", null, item("Dashboard", Shortcut.DASHBOARD, dashboard), backtestsItem,
                item("Log file", Shortcut.LOG_FILE, logFile));
        Menu help = new Menu("_Help", null, item("Keyboard shortcuts", Shortcut.HELP, a::shortcuts));  // F1
        MenuBar bar = new MenuBar(file, view, bots, risk, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** Adds File > Export… (above Quit) and View > Performance. */
    static void addReports(MenuBar bar, Runnable export, Runnable performance) {
        Menu file = bar.getMenus().getFirst();
        file.getItems().add(file.getItems().size() - 2, item("Export…", Shortcut.EXPORT, export));
        bar.getMenus().get(1).getItems().add(1, item("Performance", Shortcut.PERFORMANCE, performance));
    }

    /** The chart's items at the end of the View menu. */
    static void addChartItems(MenuBar bar, Runnable savePng) {
        bar.getMenus().stream().filter(m -> m.getText().equals("_View")).findFirst().orElseThrow().getItems()
                .addAll(new SeparatorMenuItem(), item("Save the chart as PNG…", Shortcut.SAVE_CHART, savePng));
    }

    private static MenuItem plain(String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setOnAction(e -> action.run());
        return i;
    }

    private static MenuItem item(String text, Shortcut shortcut, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setAccelerator(shortcut.keys());
        i.setOnAction(e -> action.run());
        return i;
    }
}
