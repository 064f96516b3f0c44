package dev.flotilla.engine.api;

import dev.flotilla.engine.event.EventBus;

/** What the console and the command line may ask of a running engine. Commands run on the engine's thread. */
public interface EngineApi {

    /** The latest picture of the fleet. */
    FleetSnapshot snapshot();

    /** Events as they happen, after they are committed. */
    EventBus events();

    /** Starts a stopped (or failed) bot; its next tick runs at its next candle close. */
    void startBot(String botId);

    /** Stops a bot's ticks; an open position keeps its stop-loss protection. */
    void stopBot(String botId);

    /** Creating, editing and removing bots. */
    BotCommands bots();

    /** Orders, trades, positions, equity history and charts, from the store. */
    EngineReads reads();

    /** Engine seconds per wall second; {@code Double.POSITIVE_INFINITY} is as fast as the machine allows. */
    double speed();

    /** Whether the speed can be changed while running (a simulated market; a real one runs in real time). */
    boolean speedAdjustable();

    /**
     * Changes the speed from the engine's present on; the mode badge follows.
     *
     * @throws IllegalArgumentException below 1, or when {@link #speedAdjustable()} is false
     */
    void setSpeed(double speed);
}
