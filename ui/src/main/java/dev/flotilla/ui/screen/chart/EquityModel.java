package dev.flotilla.ui.screen.chart;

import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.api.EngineReads;
import dev.flotilla.engine.api.EquityPoint;
import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.event.AccountEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.fx.Pulse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * An equity curve with its drawdown: the fleet's (bot id null) or one bot's. The stored hourly snapshots
 * are loaded once per bot; after that every EQUITY_SNAPSHOT event adds a point, and the snapshot of each
 * pulse moves a last, live point, so the curve moves between the hourly points too.
 */
public final class EquityModel {

    /** Stored points loaded, and kept at most. */
    public static final int MAX_POINTS = 5_000;

    private final EngineReads reads;
    private final Loader loader;
    private final ObjectProperty<String> botId = new SimpleObjectProperty<>();
    private final IntegerProperty version = new SimpleIntegerProperty();
    private final List<EquityPoint> points = new ArrayList<>();
    /** The stored points' equity as doubles, in step with {@link #points}: each converted once, not at every redraw. */
    private final List<Double> values = new ArrayList<>();
    private EquityPoint live;
    private boolean loaded;
    private int generation;

    public EquityModel(EngineReads reads, Loader loader) {
        this.reads = reads;
        this.loader = loader;
        botId.addListener((o, a, b) -> load());
    }

    /** The bot whose curve this is; null for the fleet. */
    public ObjectProperty<String> botId() {
        return botId;
    }

    /** Changes whenever the curve does. */
    public ReadOnlyIntegerProperty version() {
        return version;
    }

    public void load() {
        int g = ++generation;
        String id = botId.get();
        loaded = false;
        loader.load(() -> reads.equity(id, MAX_POINTS), history -> {
            if (g != generation) return;  // another bot was chosen meanwhile
            points.clear();
            points.addAll(history);
            values.clear();
            for (EquityPoint e : history) values.add(e.equity().doubleValue());
            live = null;
            loaded = true;
            version.set(version.get() + 1);
        });
    }

    /** FX thread. */
    public void onPulse(Pulse p) {
        if (!loaded) return;
        String id = botId.get();
        boolean changed = false;
        for (EngineEvent e : p.events()) {
            if (e instanceof AccountEvent.EquitySnapshot s && Objects.equals(s.botId(), id)
                    && (points.isEmpty() || s.time() > points.getLast().time())) {
                points.add(new EquityPoint(s.time(), s.equity()));
                values.add(s.equity().doubleValue());
                changed = true;
            }
        }
        if (points.size() > MAX_POINTS) {
            points.subList(0, points.size() - MAX_POINTS).clear();
            values.subList(0, values.size() - MAX_POINTS).clear();
        }
        EquityPoint now = livePoint(p.snapshot(), id);
        if (now != null && (points.isEmpty() || now.time() > points.getLast().time()) && !now.equals(live)) {
            live = now;
            changed = true;
        } else if (live != null && !points.isEmpty() && live.time() <= points.getLast().time()) {
            live = null;
            changed = true;
        }
        if (changed) version.set(version.get() + 1);
    }

    private static EquityPoint livePoint(FleetSnapshot s, String id) {
        if (s.engineTime() == 0) return null;
        if (id == null) return new EquityPoint(s.engineTime(), s.equity());
        for (BotView b : s.bots()) if (b.id().equals(id)) return new EquityPoint(s.engineTime(), b.equity());
        return null;
    }

    /** Stored points (not the live one), oldest first. */
    public List<EquityPoint> stored() {
        return List.copyOf(points);
    }

    /** Stored points and the live one, oldest first. */
    public List<EquityPoint> curve() {
        List<EquityPoint> all = new ArrayList<>(points);
        if (live != null) all.add(live);
        return all;
    }

    /** The newest point of {@link #curve()}, or null. */
    public EquityPoint last() {
        return live != null ? live : points.isEmpty() ? null : points.getLast();
    }

    /** The times (epoch seconds) of {@link #curve()}. */
    public double[] times() {
        double[] t = new double[points.size() + (live == null ? 0 : 1)];
        for (int i = 0; i < points.size(); i++) t[i] = points.get(i).time() / 1000.0;
        if (live != null) t[t.length - 1] = live.time() / 1000.0;
        return t;
    }

    /** The equity of {@link #curve()} as doubles, for drawing. */
    public double[] values() {
        double[] e = new double[values.size() + (live == null ? 0 : 1)];
        for (int i = 0; i < values.size(); i++) e[i] = values.get(i);
        if (live != null) e[e.length - 1] = live.equity().doubleValue();
        return e;
    }
}
