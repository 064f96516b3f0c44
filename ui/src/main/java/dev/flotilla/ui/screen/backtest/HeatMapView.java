package dev.flotilla.ui.screen.backtest;

import atlantafx.base.theme.Styles;
import dev.flotilla.engine.api.BotRejectedException;
import dev.flotilla.ui.screen.dialog.Forms;
import dev.flotilla.ui.screen.Columns;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;

/**
 * A sweep's heat map: the ranking metric over the grid of its two swept parameters, each cell coloured from worst
 * (red) to best (green) with its value printed and all its figures in a tooltip; a click picks a set, and "Apply to
 * bot" gives the live bot that set after a confirmation.
 */
public final class HeatMapView extends VBox {

    private final BacktestsModel model;
    private final Supplier<Window> owner;
    private final GridPane grid = new GridPane();
    private final Label title = new Label("Run a sweep, or select one in the runs list, to see its heat map");
    private final Label picked = new Label();
    private final Button apply = new Button("Apply to bot…");
    private final ObjectProperty<HeatMap.Cell> selected = new SimpleObjectProperty<>();
    private final TableView<HeatMap.Cell> ranking = new TableView<>();
    private final TableColumn<HeatMap.Cell, String> metricColumn;

    public HeatMapView(BacktestsModel model, Supplier<Window> owner) {
        this.model = model;
        this.owner = owner;
        getStyleClass().add("heat-map");
        title.getStyleClass().addAll(Styles.TEXT_BOLD, "chart-title-label");
        title.setWrapText(true);
        ComboBox<String> metric = new ComboBox<>();
        metric.getItems().setAll(Metric.RANKS);
        metric.valueProperty().bindBidirectional(model.rank());
        apply.getStyleClass().add(Styles.ACCENT);
        apply.disableProperty().bind(selected.isNull());
        apply.setOnAction(e -> applySelected());
        Label notice = new Label();
        notice.textProperty().bind(model.notice());
        notice.getStyleClass().add(Styles.TEXT_SMALL);
        HBox bar = new HBox(10, new Label("Colour by"), metric, picked, apply, notice);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        HBox.setHgrow(picked, Priority.ALWAYS);
        picked.setMaxWidth(Double.MAX_VALUE);
        grid.setHgap(3);
        grid.setVgap(3);
        grid.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        ranking.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        ranking.setPlaceholder(new Label("No sweep selected"));
        ranking.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        dev.flotilla.ui.screen.export.TableExport.install(ranking, "sweep-ranking");
        metricColumn = cellColumn("Sharpe", c -> c.text(model.heatMap().get().metric()), 70);
        ranking.getColumns().addAll(List.of(
                cellColumn("#", c -> String.valueOf(ranking.getItems().indexOf(c) + 1), 34),
                Columns.text("Set", c -> model.heatMap().get() == null ? "" : params(model.heatMap().get().sweptParams(c)), 180),
                metricColumn,
                cellColumn("Return", c -> Metric.RETURN.text(c.figures()), 70),
                cellColumn("Max DD", c -> Metric.MAX_DRAWDOWN.text(c.figures()), 72),
                cellColumn("Trades", c -> Metric.TRADES.text(c.figures()), 64)));
        ranking.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != selected.get()) selected.set(b);
        });
        Label rankTitle = new Label("Sets, best first");
        rankTitle.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        rankTitle.setPadding(new Insets(0, 0, 0, 6));
        VBox.setVgrow(ranking, Priority.ALWAYS);
        VBox rankBox = new VBox(2, rankTitle, ranking);
        rankBox.setPrefWidth(580);
        rankBox.setMinWidth(520);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        HBox body = new HBox(8, scroll, rankBox);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(title, bar, body);
        model.heatMap().addListener((o, a, b) -> show(b));
        selected.addListener((o, a, b) -> {
            HeatMap map = model.heatMap().get();
            picked.setText(b == null || map == null ? "Click a cell or a row to pick a set" : "Picked: " + params(map.sweptParams(b))
                    + "  ·  " + map.metric().title() + " " + b.text(map.metric()));
            if (b != null && ranking.getSelectionModel().getSelectedItem() != b) ranking.getSelectionModel().select(b);
            show(map);
        });
        picked.setText("Click a cell or a row to pick a set");
        show(model.heatMap().get());
    }

    private void show(HeatMap map) {
        grid.getChildren().clear();
        if (map == null) {
            title.setText("Run a sweep, or select one in the runs list, to see its heat map");
            ranking.getItems().clear();
            if (selected.get() != null) selected.set(null);
            return;
        }
        if (selected.get() != null && !contains(map, selected.get())) {
            ranking.getItems().clear();
            selected.set(null);
            return;
        }
        Metric m = map.metric();
        title.setText(map.sets() + " sets of " + botOf(map) + " by " + m.title()
                + (map.twoDimensional() ? ": " + map.xName() + " across, " + map.yName() + " down" : ": " + map.xName() + " across")
                + (map.best() == null ? "" : "  ·  best " + params(map.sweptParams(map.best())) + " at " + map.best().text(m)));
        if (!ranking.getItems().equals(map.ranked())) ranking.getItems().setAll(map.ranked());
        metricColumn.setText(m.title());
        Label corner = new Label(map.twoDimensional() ? map.yName() + " ↓  " + map.xName() + " →" : map.xName() + " →");
        corner.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        grid.add(corner, 0, 0);
        for (int c = 0; c < map.xs().size(); c++) grid.add(header(HeatMap.number(map.xs().get(c))), c + 1, 0);
        for (int r = 0; r < map.ys().size(); r++) {
            grid.add(header(map.twoDimensional() ? HeatMap.number(map.ys().get(r)) : m.title()), 0, r + 1);
            for (int c = 0; c < map.xs().size(); c++) grid.add(cell(map, map.cell(r, c)), c + 1, r + 1);
        }
    }

    private static boolean contains(HeatMap map, HeatMap.Cell cell) {
        for (HeatMap.Cell c : map.ranked()) if (c.params().equals(cell.params())) return true;
        return false;
    }

    private static String botOf(HeatMap map) {
        return map.ranked().isEmpty() ? "" : map.ranked().getFirst().figures().id();
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_BOLD, "heat-header");
        l.setMinWidth(44);
        l.setAlignment(Pos.CENTER);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private Label cell(HeatMap map, HeatMap.Cell c) {
        Label l = new Label(c == null ? "" : c.text(map.metric()));
        l.getStyleClass().add("heat-cell");
        l.setMinSize(84, 40);
        l.setAlignment(Pos.CENTER);
        if (c == null) {
            l.getStyleClass().add("heat-empty");
            return l;
        }
        double share = map.share(c.value());
        l.setStyle("-fx-background-color: " + colour(share) + ";");
        if (c == map.best()) l.getStyleClass().add("heat-best");
        if (selected.get() != null && selected.get().params().equals(c.params())) l.getStyleClass().add("heat-selected");
        Tooltip.install(l, new Tooltip(params(map.sweptParams(c)) + "\n" + java.util.stream.Stream.of(Metric.RETURN, Metric.MAX_DRAWDOWN,
                Metric.SHARPE, Metric.SORTINO, Metric.CALMAR, Metric.WIN_RATE, Metric.PROFIT_FACTOR, Metric.TRADES)
                .map(x -> x.title() + " " + x.text(c.figures())).collect(Collectors.joining("\n"))));
        l.setOnMouseClicked(e -> selected.set(c));
        return l;
    }

    private static TableColumn<HeatMap.Cell, String> cellColumn(String title, java.util.function.Function<HeatMap.Cell, String> f,
                                                                double width) {
        TableColumn<HeatMap.Cell, String> c = Columns.text(title, f, width);
        c.getStyleClass().add("numeric");
        c.setSortable(false);
        return c;
    }

    /** Red for the worst of the grid through yellow to green for the best; grey where the metric does not exist. */
    static String colour(double share) {
        if (Double.isNaN(share)) return "#9e9e9e";
        Color c = Color.hsb(share * 120, 0.55, 0.88);
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }

    static String params(Map<String, Double> params) {
        return params.entrySet().stream().map(e -> e.getKey() + " " + HeatMap.number(e.getValue())).collect(Collectors.joining(", "));
    }

    /**
     * Asks whether to give the live bot the picked set, shown without blocking and returned (so a test can answer);
     * on OK the bot is edited and the outcome shown beside the button.
     */
    public Alert applySelected() {
        HeatMap.Cell c = selected.get();
        HeatMap map = model.heatMap().get();
        if (c == null || map == null) return null;
        String bot = c.figures().id();
        Map<String, Double> set = map.sweptParams(c);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Give " + bot + " " + params(set)
                + "? It keeps its books and position and uses them from its next decision; its other parameters stay.",
                ButtonType.OK, ButtonType.CANCEL);
        if (owner.get() != null) confirm.initOwner(owner.get());
        confirm.setTitle("Apply a sweep's set");
        confirm.setHeaderText("Apply to " + bot);
        Forms.style(confirm);
        confirm.setOnHidden(e -> {
            if (confirm.getResult() != ButtonType.OK) return;
            model.notice().set("applying to " + bot + "…");
            model.apply(bot, set).whenComplete((r, ex) -> Platform.runLater(() -> model.notice().set(ex == null
                    ? bot + " now runs with " + params(set) : bot + " was not changed: " + reason(ex))));
        });
        confirm.show();
        return confirm;
    }

    private static String reason(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return t instanceof BotRejectedException r ? String.join("; ", r.check().problems().values()) : t.getMessage();
    }

    /** Picks a set, as a click on its cell does. */
    public void select(HeatMap.Cell c) {
        selected.set(c);
    }

    public ObjectProperty<HeatMap.Cell> selected() { return selected; }
    public String title() { return title.getText(); }
    /** Cells drawn (sets with a value or not), for tests. */
    public long cellCount() {
        return grid.getChildren().stream().filter(n -> n.getStyleClass().contains("heat-cell")).count();
    }
}
