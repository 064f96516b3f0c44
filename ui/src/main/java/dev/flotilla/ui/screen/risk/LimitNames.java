package dev.flotilla.ui.screen.risk;

import java.util.Map;

/** What each limit is called in the dialog, and what its value means. */
final class LimitNames {

    private LimitNames() {
    }

    record Name(String label, String hint) {
    }

    private static final String SHARE = " (0.03 = 3%)";

    private static final Map<String, Name> NAMES = Map.ofEntries(
            Map.entry("stopLoss", new Name("Stop-loss", "distance below the entry price, a share" + SHARE)),
            Map.entry("takeProfit", new Name("Take-profit", "gain over the entry price; 0 turns it off")),
            Map.entry("trailingStop", new Name("Trailing stop", "distance below the highest price; 0 turns it off")),
            Map.entry("maxPosition", new Name("Maximum position", "share of the bot's capital")),
            Map.entry("maxTradesPerDay", new Name("Entries per UTC day", "a whole number")),
            Map.entry("drawdown", new Name("Drawdown breaker", "below the bot's equity peak: HALTED until reset")),
            Map.entry("dailyLoss", new Name("Daily loss limit", "of the day's opening equity: REDUCING until 00:00 UTC")),
            Map.entry("cooldownAfter", new Name("Cooldown after losses", "losses in a row before the size halves")),
            Map.entry("maxExposure", new Name("Total exposure", "all positions, share of aggregate capital")),
            Map.entry("maxAsset", new Name("One asset", "positions in one asset, share of aggregate capital")),
            Map.entry("portfolioDrawdown", new Name("Portfolio drawdown", "below the aggregate peak: REDUCING until reset")),
            Map.entry("fleetDailyLoss", new Name("Fleet daily loss", "of the day's opening equity: REDUCING until 00:00 UTC")),
            Map.entry("priceCollar", new Name("Price collar", "refuse an order this far from the last price")),
            Map.entry("maxOrderValue", new Name("Maximum order value", "USDT per order")),
            Map.entry("maxSymbolValue", new Name("Maximum value per symbol", "USDT, the fleet's position in one symbol")));

    static Name of(String limit) {
        return NAMES.getOrDefault(limit, new Name(limit, ""));
    }
}
