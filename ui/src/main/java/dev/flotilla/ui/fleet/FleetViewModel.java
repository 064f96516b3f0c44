package dev.flotilla.ui.fleet;

import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.api.FleetSnapshot;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fleet as the window shows it. It takes engine snapshots (immutable, from any thread) and is only ever
 * updated on the FX thread; rows are replaced in place so selection and sorting survive updates.
 */
public final class FleetViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final ObservableList<BotView> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper mode = new ReadOnlyStringWrapper("");
    private long shownTime = -1;

    public ObservableList<BotView> rows() {
        return rows;
    }

    public ReadOnlyStringProperty header() {
        return header.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty mode() {
        return mode.getReadOnlyProperty();
    }

    /** Shows a snapshot; call on the FX thread. A snapshot already shown is skipped. */
    public void show(FleetSnapshot s) {
        if (s.engineTime() == shownTime && rows.size() == s.bots().size()) return;
        shownTime = s.engineTime();
        if (rows.size() == s.bots().size()) {
            for (int i = 0; i < rows.size(); i++) {
                if (!rows.get(i).equals(s.bots().get(i))) rows.set(i, s.bots().get(i));
            }
        } else {
            rows.setAll(s.bots());
        }
        mode.set(s.mode());
        header.set(String.format("%s   %s   bots running %d/%d   open positions %d   equity %s USDT   PnL %s",
                TIME.format(Instant.ofEpochMilli(s.engineTime())), s.state(), s.running(), s.bots().size(),
                s.openPositions(), s.equity().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                signed(s.pnl().setScale(2, RoundingMode.HALF_EVEN).toPlainString())));
    }

    static String signed(String v) {
        return v.startsWith("-") ? v : "+" + v;
    }
}
