package dev.flotilla.ui.screen.performance;

import atlantafx.base.theme.Styles;
import dev.flotilla.engine.api.Period;
import dev.flotilla.engine.api.PerformanceReport;
import dev.flotilla.engine.api.PerformanceRow;
import dev.flotilla.engine.api.PnlBucket;
import dev.flotilla.ui.Fmt;
import dev.flotilla.ui.screen.Columns;
import dev.flotilla.ui.screen.export.TableExport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Performance screen: a period picker, the fleet's figures of the period, tables by bot, strategy type and symbol,
 * and the realized PnL by day, week or month as a table and a bar chart. Every table exports to CSV from its context
 * menu.
 */
public final class PerformanceView extends BorderPane {

    private final PerformanceModel model;
    private final ToggleGroup periods = new ToggleGroup();
    private final TextField custom = new TextField();
    private final Label summary = new Label("Loading…");
    private final Label message = new Label();
    private final TabPane groups = new TabPane();
    private final Map<PerformanceReport.By, TableView<PerformanceRow>> tables = new EnumMap<>(PerformanceReport.By.class);
    private final TableView<PnlBucket> pnlTable;
    private final PnlChart chart;

    public PerformanceView(PerformanceModel model) {
        this.model = model;
        getStyleClass().add("performance");
        for (PerformanceReport.By by : PerformanceReport.By.values()) {
            TableView<PerformanceRow> t = Columns.table(model.rows(by), "No trades in the period", rowColumns(by));
            TableExport.install(t, "performance-by-" + by.label());
            tables.put(by, t);
            groups.getTabs().add(new Tab("By " + (by == PerformanceReport.By.STRATEGY ? "strategy type" : by.label()), t));
        }
        groups.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        groups.getStyleClass().add(Styles.TABS_FLOATING);
        pnlTable = Columns.table(model.pnl(), "No days in the period", pnlColumns());
        TableExport.install(pnlTable, "pnl");
        chart = new PnlChart(model.pnl());
        HBox.setHgrow(chart, Priority.ALWAYS);
        pnlTable.setPrefWidth(370);
        pnlTable.setMinWidth(280);
        VBox pnlPane = new VBox(6, spanBar(), new HBox(8, pnlTable, chart));
        VBox.setVgrow(pnlPane.getChildren().get(1), Priority.ALWAYS);
        pnlPane.setPadding(new Insets(0, 10, 6, 10));
        SplitPane split = new SplitPane(groups, pnlPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setTop(periodBar());
        setCenter(split);
        model.report().addListener((o, a, b) -> summary.setText(summary(b)));
        message.textProperty().bind(model.message());
    }

    private VBox periodBar() {
        HBox choices = new HBox(0);
        List<String> labels = List.of("7 days", "30 days", "Year to date", "All");
        for (int i = 0; i < Period.CHOICES.size(); i++) {
            ToggleButton b = new ToggleButton(labels.get(i));
            b.setUserData(Period.CHOICES.get(i));
            b.setToggleGroup(periods);
            b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == Period.CHOICES.size() - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            if (Period.CHOICES.get(i).equals(model.period().get())) b.setSelected(true);
            choices.getChildren().add(b);
        }
        periods.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) return;
            custom.clear();
            model.period().set((String) b.getUserData());
        });
        custom.setPromptText("2026-01-01..2026-01-31");
        custom.setPrefColumnCount(16);
        custom.setOnAction(e -> applyCustom());
        Button apply = new Button("Show");
        apply.setOnAction(e -> applyCustom());
        Label caption = new Label("Period (UTC)");
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        Label or = new Label("or days");
        or.getStyleClass().add(Styles.TEXT_MUTED);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, caption, choices, or, custom, apply, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        message.getStyleClass().add(Styles.DANGER);
        summary.getStyleClass().add(Styles.TITLE_4);
        summary.setWrapText(true);
        VBox top = new VBox(6, bar, summary);
        top.setPadding(new Insets(8, 10, 6, 10));
        return top;
    }

    private void applyCustom() {
        if (custom.getText().isBlank()) return;
        periods.selectToggle(null);
        if (custom.getText().strip().equals(model.period().get())) {
            model.reload();
        } else {
            model.period().set(custom.getText().strip());
        }
    }

    private HBox spanBar() {
        ToggleGroup spans = new ToggleGroup();
        HBox choices = new HBox(0);
        for (PerformanceReport.Span s : PerformanceReport.Span.values()) {
            ToggleButton b = new ToggleButton(switch (s) {
                case DAY -> "By day";
                case WEEK -> "By week";
                case MONTH -> "By month";
            });
            b.setUserData(s);
            b.setToggleGroup(spans);
            b.getStyleClass().add(s.ordinal() == 0 ? Styles.LEFT_PILL : s.ordinal() == 2 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            b.setSelected(s == model.span().get());
            choices.getChildren().add(b);
        }
        spans.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true);  // one span is always chosen
            else model.span().set((PerformanceReport.Span) b.getUserData());
        });
        Label title = new Label("Realized PnL (UTC)");
        title.getStyleClass().add(Styles.TITLE_4);
        HBox bar = new HBox(10, title, choices);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    static String summary(PerformanceReport r) {
        if (r == null) return "";
        PerformanceRow f = r.fleet();
        return Fmt.minute(r.from()) + " to " + Fmt.minute(r.to()) + " UTC · " + f.bots() + " bots · " + f.trades()
                + " trades · realized PnL " + Fmt.signedMoney(f.realizedPnl()) + " USDT · fees " + Fmt.money(f.fees())
                + " · win rate " + Fmt.percent(f.winRate()) + " · profit factor " + ratio(f.profitFactor())
                + " · max drawdown " + Fmt.percent(f.maxDrawdown()) + " · in market " + Fmt.percent(f.timeInMarket());
    }

    private static String ratio(double d) {
        return Double.isFinite(d) ? String.format(java.util.Locale.ROOT, "%.2f", d) : "–";
    }

    private static List<TableColumn<PerformanceRow, ?>> rowColumns(PerformanceReport.By by) {
        List<TableColumn<PerformanceRow, ?>> c = new ArrayList<>();
        c.add(Columns.text(switch (by) {
            case BOT -> "Bot";
            case STRATEGY -> "Strategy type";
            case SYMBOL -> "Symbol";
        }, PerformanceRow::key, 170));
        if (by != PerformanceReport.By.BOT) c.add(Columns.number("Bots", r -> BigDecimal.valueOf(r.bots()), BigDecimal::toPlainString, false, 60));
        c.add(Columns.number("Trades", r -> BigDecimal.valueOf(r.trades()), BigDecimal::toPlainString, false, 70));
        c.add(Columns.number("Win rate", r -> dec(r.winRate()), PerformanceView::percent, false, 80));
        c.add(Columns.number("Realized PnL (USDT)", PerformanceRow::realizedPnl, Fmt::signedMoney, true, 140));
        c.add(Columns.number("Fees (USDT)", PerformanceRow::fees, Fmt::money, false, 100));
        c.add(Columns.number("Profit factor", r -> dec(r.profitFactor()), v -> ratio(v.doubleValue()), false, 100));
        c.add(Columns.number("Max drawdown", r -> dec(r.maxDrawdown()), PerformanceView::percent, false, 110));
        c.add(Columns.number("Time in market", r -> dec(r.timeInMarket()), PerformanceView::percent, false, 110));
        return c;
    }

    private static List<TableColumn<PnlBucket, ?>> pnlColumns() {
        return List.of(
                Columns.text("Period", PnlBucket::label, 100),
                Columns.number("Trades", b -> BigDecimal.valueOf(b.trades()), BigDecimal::toPlainString, false, 70),
                Columns.number("Realized PnL (USDT)", PnlBucket::pnl, Fmt::signedMoney, true, 140));
    }

    /** A figure as an exact decimal for a column (null, shown empty, when it does not exist). */
    private static BigDecimal dec(double d) {
        return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }

    private static String percent(BigDecimal v) {
        return Fmt.percent(v.doubleValue());
    }

    public TableView<PerformanceRow> table(PerformanceReport.By by) { return tables.get(by); }
    public TableView<PnlBucket> pnlTable() { return pnlTable; }
    public PnlChart chart() { return chart; }
    public TabPane groups() { return groups; }
    public TextField customPeriod() { return custom; }
    public ToggleGroup periods() { return periods; }
    public String summaryText() { return summary.getText(); }
    public String messageText() { return message.getText(); }
    public PerformanceModel model() { return model; }
}
