package dev.flotilla.app;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line. Values are checked by {@link Settings#from}; picocli only splits them. */
@Command(name = "flotilla", mixinStandardHelpOptions = true, version = "Flotilla 0.1.0",
        description = "Runs a fleet of trading bots: paper trading on a built-in sandbox market by default.",
        sortOptions = false)
final class Options {

    @Option(names = "--headless", description = "Run the engine with no window and print status lines.")
    boolean headless;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of the data file and logs (default: the per-user application data folder).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "URL", description = "Keep the store on a PostgreSQL server: postgresql://host:port/database?user=NAME&password=SECRET (the password may come from FLOTILLA_DB_PASSWORD instead). Default: the data folder's SQLite file; logs and plug-ins stay in the data folder.")
    String db;

    @Option(names = "--fleet", paramLabel = "FILE", description = "Fleet file used when the data folder has no fleet yet (default: the built-in 45 bots).")
    Path fleet;

    @Option(names = "--market", paramLabel = "sandbox|binance", description = "Where prices come from: the built-in sandbox (default), or Binance's public market data (paper trading, no keys).")
    String market;

    @Option(names = "--binance-url", paramLabel = "URL", description = "With --market binance: production (default, https://api.binance.com), testnet (https://testnet.binance.vision) or another http(s) base URL.")
    String binanceUrl;

    @Option(names = "--speed", paramLabel = "N|max", description = "Sandbox engine seconds per wall second: 1 to 100000, or max (default: 60).")
    String speed;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the sandbox market (a new data folder only; default: random).")
    String seed;

    @Option(names = "--duration", paramLabel = "D", description = "Run this much engine time from the data folder's first start, then print a summary and exit; e.g. 90m, 6h, 1d, 7d.")
    String duration;

    @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "Sandbox: the UTC day a new data folder's engine clock starts at (default: today).")
    String start;

    @Option(names = "--new-data-file", description = "If the data file is damaged, keep it under a new name, unchanged, and start with a new one.")
    boolean newDataFile;

    @Option(names = "--accept-broker-view", description = "After a reconciliation mismatch at start, take the broker's balances as the truth and trade on.")
    boolean acceptBrokerView;

    @Option(names = "--debug", description = "Log at DEBUG level (every tick and signal).")
    boolean debug;

    @Option(names = "--kill-switch", paramLabel = "on|off", description = "Set the data folder's stored kill switch before the run: on halts the fleet (no automated order is sent), off releases it.")
    String killSwitch;

    @Option(names = "--live", description = "Trade with real money on Binance Spot (with --binance-url testnet: the Spot testnet). Needs API keys in the OS keychain or in FLOTILLA_BINANCE_API_KEY and FLOTILLA_BINANCE_SECRET. A new live data folder starts with the kill switch on.")
    boolean live;

    @Option(names = "--keep-outside", paramLabel = "ASSET=QTY,...", description = "With --live: what you keep in the Binance account outside Flotilla (e.g. BTC=0.5,USDT=1000); the start's check leaves it out.")
    String keepOutside;
}
