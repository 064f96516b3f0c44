package dev.flotilla.engine.config;



/** The keys under which the engine keeps its own facts in the store's settings table. */
public final class EngineSettings {
    /** Engine time of the data folder's first start (epoch ms). */
    public static final String ENGINE_START = "engine.start";
    /** Engine time of the last committed moment (epoch ms): a simulated run resumes here. */
    public static final String ENGINE_TIME = "engine.time";
    /** The market a data folder trades, "sandbox" or "binance" (absent in folders made before the choice existed: sandbox). */
    public static final String MARKET = "market";
    /** The Binance base URL of a data folder that trades Binance data. */
    public static final String BINANCE_URL = "market.binance.url";
    public static final String SANDBOX_SEED = "sandbox.seed";
    public static final String SANDBOX_ORIGIN = "sandbox.origin";

    private EngineSettings() {
    }
}
