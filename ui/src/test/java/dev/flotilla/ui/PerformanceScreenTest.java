package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.Period;
import dev.flotilla.engine.api.PerformanceReport;
import dev.flotilla.engine.api.PerformanceRow;
import dev.flotilla.engine.api.ReportsApi;
import dev.flotilla.engine.api.Table;
import dev.flotilla.engine.api.TradeView;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.ui.prefs.Prefs;
import dev.flotilla.ui.screen.export.ExportDialog;
import dev.flotilla.ui.screen.export.TableExport;
import dev.flotilla.ui.screen.performance.PerformanceView;
import dev.flotilla.ui.shell.MainWindow;
import dev.flotilla.ui.shell.Shortcut;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Performance screen and the exports on a real engine after three sandbox days: the figures the engine reports,
 * the period picker, PnL by day and week with its bars, a table's "Export to CSV…" writing the rows the table shows,
 * and File > Export… writing the books.
 */
class PerformanceScreenTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void startFx() throws Exception {
        Fx.start();
    }

    @AfterEach
    void closeMessages() throws Exception {
        Fx.run(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w instanceof Stage s
                && s.getTitle() != null && s.getTitle().startsWith("Export")).forEach(Window::hide));
        TableExport.chooseFilesWith((name, owner) -> Optional.empty());
    }

    @Test
    void thePerformanceScreenShowsTheReportsFiguresAndTablesExportTheRowsTheyShow() throws Exception {
        try (LiveEngine live = new LiveEngine(dir, EngineConfig.MAX_SPEED).runFor(Duration.ofDays(3))) {
            OpenConsole open = OpenConsole.on(live, dir, 1600, 1000);
            Fx.run(() -> open.console.prefs().theme().set(Prefs.Theme.DARK));
            MainWindow w = open.window;
            MenuItem show = menuItem(w, Shortcut.PERFORMANCE);
            Fx.run(show::fire);
            PerformanceView v = Fx.on(w::performance);
            assertThat(Fx.on(() -> w.screens().getSelectionModel().getSelectedItem().getText())).isEqualTo("Performance");
            Fx.await("the screen is in the window", () -> v.getScene() == w.scene());
            Fx.await("the last 30 days", () -> v.model().report().get() != null);

            // All: the engine's own report of the period, in the tables and the line above them
            Fx.run(() -> v.periods().getToggles().stream().filter(t -> "all".equals(t.getUserData())).findFirst()
                    .orElseThrow().setSelected(true));
            Fx.await("the whole run", () -> v.model().report().get().period().equals(Period.ALL));
            PerformanceReport expected = live.engine.reports().performance(Period.ALL);
            assertThat(expected.fleet().trades()).isGreaterThan(20);
            for (PerformanceReport.By by : PerformanceReport.By.values()) {
                assertThat(Fx.on(() -> List.copyOf(v.table(by).getItems()))).containsExactlyInAnyOrderElementsOf(expected.rows(by));
            }
            assertThat(Fx.on(v::summaryText)).contains("45 bots", expected.fleet().trades() + " trades",
                    "realized PnL " + dev.flotilla.ui.Fmt.signedMoney(expected.fleet().realizedPnl()) + " USDT");
            // PnL by day: the three days with their bars, then by week
            assertThat(Fx.on(() -> v.pnlTable().getItems().stream().map(b -> b.label()).toList()))
                    .containsExactly("2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08");
            assertThat(Fx.on(() -> v.chart().bars().size())).isEqualTo(4);
            Fx.settle(w);
            Path shot = Fx.on(() -> Screenshots.save(w.scene(), "performance"));
            assertThat(Files.size(shot)).isGreaterThan(50_000);
            Fx.run(() -> v.model().span().set(PerformanceReport.Span.WEEK));
            assertThat(Fx.on(() -> v.pnlTable().getItems().stream().map(b -> b.label()).toList())).containsExactly("2026-W02");

            // a period that is not one is said beside the field; a day range is shown
            Fx.run(() -> {
                v.customPeriod().setText("last week");
                v.customPeriod().fireEvent(new javafx.event.ActionEvent());
            });
            assertThat(Fx.on(v::messageText)).contains("'last week' is not a period");
            Fx.run(() -> {
                v.customPeriod().setText("2026-01-06..2026-01-06");
                v.customPeriod().fireEvent(new javafx.event.ActionEvent());
            });
            Fx.await("the one day", () -> v.model().report().get().from() == Instant.parse("2026-01-06T00:00:00Z").toEpochMilli());
            assertThat(Fx.on(v::messageText)).isEmpty();
            assertThat(Fx.on(() -> v.periods().getSelectedToggle())).isNull();

            // "Export to CSV…" on the by-bot table writes its rows, in its order, the numbers exact
            TableExport.chooseFilesWith((name, owner) -> Optional.of(dir.resolve(name)));
            TableView<PerformanceRow> byBot = Fx.on(() -> v.table(PerformanceReport.By.BOT));
            Fx.run(() -> byBot.getSortOrder().setAll(byBot.getColumns().get(2)));  // sorted by win rate, as a trader might
            Fx.run(() -> exportItem(byBot).fire());
            List<List<String>> csv = Table.parseCsv(Files.readString(dir.resolve("flotilla-performance-by-bot.csv")));
            List<PerformanceRow> shown = Fx.on(() -> List.copyOf(byBot.getItems()));
            assertThat(csv.getFirst()).containsExactly("Bot", "Trades", "Win rate", "Realized PnL (USDT)", "Fees (USDT)",
                    "Profit factor", "Max drawdown", "Time in market");
            assertThat(csv.subList(1, csv.size())).extracting(r -> r.get(0)).containsExactlyElementsOf(shown.stream().map(PerformanceRow::key).toList());
            assertThat(csv.subList(1, csv.size())).extracting(r -> r.get(3))
                    .containsExactlyElementsOf(shown.stream().map(r -> r.realizedPnl().toPlainString()).toList());

            // the same on the dashboard's trades table: every row shown, quantities exact, times in UTC ISO-8601
            Fx.run(w::showDashboard);
            @SuppressWarnings("unchecked")
            TableView<TradeView> trades = Fx.on(() -> (TableView<TradeView>) w.history().tabs().getTabs().stream()
                    .filter(t -> t.getText().equals("Trades")).findFirst().orElseThrow().getContent());
            Fx.await("the trades are listed", () -> !trades.getItems().isEmpty());
            Fx.run(() -> exportItem(trades).fire());
            List<List<String>> tradeRows = Table.parseCsv(Files.readString(dir.resolve("flotilla-trades.csv")));
            List<TradeView> tradesShown = Fx.on(() -> List.copyOf(trades.getItems()));
            assertThat(tradeRows).hasSize(tradesShown.size() + 1);
            assertThat(tradeRows.getFirst()).startsWith("Filled (UTC)", "Bot", "Symbol", "Side", "Qty");
            for (int i = 0; i < tradesShown.size(); i++) {
                TradeView t = tradesShown.get(i);
                assertThat(tradeRows.get(i + 1).subList(0, 6)).containsExactly(Instant.ofEpochMilli(t.time()).toString(), t.botId(),
                        t.symbol(), t.side().name(), t.qty().toPlainString(), t.price().toPlainString());
            }
        }
    }

    @Test
    void fileExportWritesTheChosenBooksAndTheReport() throws Exception {
        try (LiveEngine live = new LiveEngine(dir, EngineConfig.MAX_SPEED).runFor(Duration.ofDays(2))) {
            MainWindow w = OpenConsole.on(live, dir, 1400, 900).window;
            MenuItem export = menuItem(w, Shortcut.EXPORT);
            assertThat(Fx.on(export::getText)).isEqualTo("Export…");
            Path out = Files.createDirectories(dir.resolve("out"));
            ExportDialog d = Fx.on(w::exportDialog);
            Fx.run(() -> d.folder().setText(dir.resolve("missing").toString()));
            assertThat(Fx.on(() -> d.dialog().getDialogPane().lookupButton(ButtonType.OK).isDisabled())).isTrue();
            Fx.run(() -> {
                d.folder().setText(out.toString());
                d.box(ReportsApi.Export.EQUITY).setSelected(true);
                d.box(ReportsApi.Export.PERFORMANCE).setSelected(true);
                d.period().getEditor().setText("2026-01-05..2026-01-06");
            });
            Fx.on(() -> Screenshots.save(d.dialog(), "export-dialog"));
            Fx.run(() -> ((javafx.scene.control.Button) d.dialog().getDialogPane().lookupButton(ButtonType.OK)).fire());
            Fx.await("the files are written", () -> d.done() != null);
            assertThat(out.resolve("flotilla-trades.csv")).exists();
            Period period = Period.parse("2026-01-05..2026-01-06");
            for (ReportsApi.Export e : List.of(ReportsApi.Export.TRADES, ReportsApi.Export.EQUITY, ReportsApi.Export.PERFORMANCE)) {
                List<List<String>> rows = Table.parseCsv(Files.readString(out.resolve("flotilla-" + e.label() + ".csv")));
                Table engine = live.engine.reports().export(e, period);
                assertThat(rows).as(e.label()).hasSize(engine.rows().size() + 1);
                assertThat(rows.subList(1, rows.size())).as(e.label()).isEqualTo(engine.rows());
            }
            assertThat(out.resolve("flotilla-orders.csv")).doesNotExist();
            assertThat(Files.readString(out.resolve("flotilla-performance.md"))).startsWith("# Performance 2026-01-05 00:00")
                    .contains("## By bot", "## By strategy", "## PnL by day (UTC)");
            assertThat(Fx.on(() -> d.done().getContentText())).startsWith("Wrote 4 files:");
        }
    }

    private static MenuItem menuItem(MainWindow w, Shortcut s) throws Exception {
        return Fx.on(() -> w.scene().getRoot().lookupAll(".menu-bar").stream()
                .flatMap(n -> ((MenuBar) n).getMenus().stream()).flatMap(m -> m.getItems().stream())
                .filter(i -> s.keys().equals(i.getAccelerator())).findFirst().orElseThrow());
    }

    private static MenuItem exportItem(TableView<?> t) {
        return t.getContextMenu().getItems().stream().filter(i -> TableExport.ITEM.equals(i.getText())).findFirst().orElseThrow();
    }
}
