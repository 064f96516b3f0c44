package dev.flotilla.ui.fx;

import dev.flotilla.engine.api.EngineApi;
import dev.flotilla.engine.event.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way engine events reach the window. It subscribes to the bus once, with its own bounded queue;
 * its handler only appends to a {@link Coalescer}, so the bus thread never waits for the window. On each
 * pulse (ten a second) the FX thread takes everything collected and hands it, with the latest snapshot, to
 * the screens in one {@link Pulse}: a thousand events cost one update of each table and chart, not a
 * thousand. Screens do their slow work (queries, indicator math) off the FX thread with a {@link Loader}.
 */
public final class EventBridge implements AutoCloseable {

    /** The console's queue on the bus; the handler drains it at once, so it only fills if the JVM stalls. */
    public static final int BUS_QUEUE = 4_096;
    /** Events kept between two pulses at most. */
    public static final int BACKLOG = 20_000;
    public static final Duration PULSE = Duration.millis(100);

    private static final Logger log = LoggerFactory.getLogger(EventBridge.class);

    private final EngineApi engine;
    private final Coalescer coalescer = new Coalescer(BACKLOG);
    private final List<Consumer<Pulse>> listeners = new CopyOnWriteArrayList<>();
    private final Subscription subscription;
    private final Timeline timeline;
    private long pulses;

    public EventBridge(EngineApi engine) {
        this.engine = engine;
        this.subscription = engine.events().subscribe("console", BUS_QUEUE, coalescer::add);
        this.timeline = new Timeline(new KeyFrame(PULSE, e -> pulse()));
        timeline.setCycleCount(Timeline.INDEFINITE);
    }

    /** Adds a screen; it is called on the FX thread at every pulse. */
    public void listen(Consumer<Pulse> listener) {
        listeners.add(listener);
    }

    public void start() {
        timeline.play();
    }

    /** One pulse, now. Call on the FX thread (the timeline does; tests may too). */
    public void pulse() {
        pulses++;
        Pulse p = new Pulse(engine.snapshot(), coalescer.drain(), subscription.dropped(), coalescer.dropped(),
                engine.events().totalDropped());
        for (Consumer<Pulse> l : listeners) {
            try {
                l.accept(p);
            } catch (RuntimeException e) {
                // one broken screen must not freeze the others
                log.error("a console screen failed on a pulse", e);
            }
        }
    }

    /** Pulses so far (FX thread). */
    public long pulses() {
        return pulses;
    }

    @Override
    public void close() {
        timeline.stop();
        subscription.close();
    }
}
