package dev.flotilla.engine.clock;

import dev.flotilla.engine.config.EngineConfig;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speed of a simulated engine and the mode badge that shows it ("SANDBOX x60"). A market that runs in
 * real time has a badge without a speed and cannot be sped up.
 */
public final class SpeedDial {

    private static final Logger log = LoggerFactory.getLogger(SpeedDial.class);

    private final String mode;
    private final EngineConfig config;
    private volatile double speed;
    private Pacer pacer;

    public SpeedDial(String mode, EngineConfig config) {
        this.mode = mode;
        this.config = config;
        this.speed = config.speed();
    }

    public double speed() {
        return speed;
    }

    public boolean adjustable() {
        return mode.matches(".* x\\S+");
    }

    /** Throws when {@code s} cannot be set. */
    public void check(double s) {
        if (!adjustable()) throw new IllegalArgumentException("the speed of " + mode + " cannot change");
        if (!(s >= 1)) throw new IllegalArgumentException("speed must be at least 1 (real time), got " + s);
    }

    /** The engine loop's pacer, at the current speed. Engine thread only. */
    public Pacer pacer(BlockingQueue<Runnable> commands, long now) {
        pacer = new Pacer(speed, commands, now);
        return pacer;
    }

    /** Sets a checked speed from engine time {@code now} on; returns the new badge. Engine thread only. */
    public String set(double s, long now) {
        speed = s;
        if (pacer != null) pacer.speed(s, now);
        String badge = mode.replaceFirst(" x\\S+$", " x" + config.withSpeed(s).speedLabel());
        log.info("speed changed: {}", badge);
        return badge;
    }
}
