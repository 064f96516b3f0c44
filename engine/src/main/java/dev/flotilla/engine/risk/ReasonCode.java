package dev.flotilla.engine.risk;

/** Why the risk hierarchy refused an order, or which breaker fired. Stored with every risk event. */
public enum ReasonCode {
    KILL_SWITCH("the kill switch is on: the fleet is HALTED and sends no automated order"),
    DRAWDOWN_BREAKER("the bot fell 20% below its equity peak and is HALTED until an operator resets it"),
    PORTFOLIO_DRAWDOWN("the fleet fell 15% below its aggregate peak and is REDUCING until an operator resets it"),
    FLEET_DAILY_LOSS("the fleet lost 3% of its equity today and is REDUCING until 00:00 UTC"),
    DAILY_LOSS_LIMIT("the bot lost 5% of its opening equity today: no new entry until 00:00 UTC"),
    POSITION_OPEN("the bot already holds, or is opening, a position"),
    NO_STOP_LOSS("an entry must carry a stop-loss below its price"),
    PRICE_COLLAR("the order is priced 2% or more from the last trade price"),
    MAX_TRADES_PER_DAY("the bot made its maximum number of entries for this UTC day"),
    SIZE_TOO_SMALL("after the cooldown and correlation sizing nothing is left to buy"),
    MAX_POSITION("the position would reach the bot's maximum share of its capital"),
    MAX_ORDER_VALUE("the order value would reach the maximum order value"),
    MAX_SYMBOL_VALUE("the fleet's position in the symbol would reach its maximum value"),
    ASSET_CONCENTRATION("the fleet's exposure to one asset would reach its maximum share of aggregate capital"),
    EXPOSURE_LIMIT("the fleet's total exposure would reach its maximum share of aggregate capital");

    private final String meaning;

    ReasonCode(String meaning) {
        this.meaning = meaning;
    }

    /** What the code means, with the default numbers, for the console and the README. */
    public String meaning() {
        return meaning;
    }
}
