package dev.flotilla.engine.config;



/** The keys under which the engine keeps its own facts in the store's settings table. */
public final class EngineSettings {
    /** Engine time of the data folder's first start (epoch ms). */
    public static final String ENGINE_START = "engine.start";
    /** Engine time of the last committed moment (epoch ms): a simulated run resumes here. */
    public static final String ENGINE_TIME = "engine.time";
    /** Followed by a node's name: the engine time an engine node of a shared fleet reached (decision 0034). */
    public static final String NODE_TIME = "engine.time.node.";
    /** The market a data folder trades, "sandbox" or "binance" (absent in folders made before the choice existed: sandbox). */
    public static final String MARKET = "market";
    /** The Binance base URL of a data folder that trades Binance data. */
    public static final String BINANCE_URL = "market.binance.url";
    public static final String SANDBOX_SEED = "sandbox.seed";
    /** A live folder: what the operator keeps in the exchange account outside Flotilla, "BTC=0.5,USDT=1000". */
    public static final String LIVE_OUTSIDE = "live.outside";
    /** "true" once a data folder has traded with real money: it never goes back to paper. */
    public static final String LIVE = "live";
    public static final String SANDBOX_ORIGIN = "sandbox.origin";
    /** The AI level: the Ollama server's URL, the model, the timeout of one close (ms) and "true" when on. */
    public static final String AI_URL = "ai.url";
    public static final String AI_MODEL = "ai.model";
    public static final String AI_TIMEOUT_MS = "ai.timeout.ms";
    public static final String AI_ENABLED = "ai.enabled";
    /** Followed by a bot id: "on" when the AI level reviews that bot's entries. */
    public static final String AI_BOT = "ai.bot.";

    /** The key of the engine time node {@code node} reached. */
    public static String nodeTime(String node) {
        return NODE_TIME + node;
    }

    private EngineSettings() {
    }
}
