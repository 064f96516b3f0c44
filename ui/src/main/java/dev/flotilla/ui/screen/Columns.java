package dev.flotilla.ui.screen;

import java.math.BigDecimal;
import java.util.List;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Table columns over immutable rows: text as shown, sorted by the underlying value. */
public final class Columns {

    /** The classes a PnL figure is coloured by. */
    public static final List<String> PNL = List.of("pnl-up", "pnl-down");

    /** The class of a PnL figure: up, down, or none (zero or none). */
    public static String pnlClass(BigDecimal v) {
        return v == null || v.signum() == 0 ? null : v.signum() > 0 ? "pnl-up" : "pnl-down";
    }

    /** Marks a column of engine times (epoch ms) in its properties, so an export writes them as times. */
    public static final String TIME = "flotilla.time";

    private Columns() {
    }

    public static <R> TableColumn<R, String> text(String title, Function<R, String> f, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A right-aligned number; {@code pnl} colours it by sign. */
    public static <R> TableColumn<R, BigDecimal> number(String title, Function<R, BigDecimal> f,
                                                        Function<BigDecimal, String> format, boolean pnl, double width) {
        TableColumn<R, BigDecimal> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.getStyleClass().add("numeric");
        c.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(BigDecimal v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : format.apply(v));
                dev.flotilla.ui.fx.StyleClasses.set(this, pnlClass(pnl && !empty ? v : null), PNL);
            }
        });
        return c;
    }

    /** An engine time, shown in UTC, sorted by time. */
    public static <R> TableColumn<R, Long> time(String title, Function<R, Long> f, Function<Long, String> format, double width) {
        TableColumn<R, Long> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.getProperties().put(TIME, Boolean.TRUE);
        c.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : format.apply(t));
            }
        });
        return c;
    }

    /** A dense table of {@code rows} under {@code columns}, sorted by the column the trader clicks, {@code empty} when bare. */
    public static <R> javafx.scene.control.TableView<R> table(javafx.collections.ObservableList<R> rows, String empty,
                                                             java.util.List<TableColumn<R, ?>> columns) {
        javafx.scene.control.TableView<R> t = new javafx.scene.control.TableView<>();
        javafx.collections.transformation.SortedList<R> sorted = new javafx.collections.transformation.SortedList<>(rows);
        sorted.comparatorProperty().bind(t.comparatorProperty());
        t.setItems(sorted);
        t.getColumns().setAll(columns);
        t.setPlaceholder(new javafx.scene.control.Label(empty));
        t.getStyleClass().addAll(atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        t.setColumnResizePolicy(javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }
}
