package dev.flotilla.app;

import dev.flotilla.engine.clock.WallClock;
import dev.flotilla.engine.config.EngineSettings;
import dev.flotilla.engine.execution.live.BinanceBroker;
import dev.flotilla.engine.market.binance.BinanceAccount;
import dev.flotilla.engine.market.binance.BinanceMarket;
import dev.flotilla.engine.market.binance.SymbolFilters;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.secrets.ApiKeys;
import dev.flotilla.engine.store.Store;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a live start checks before the engine may send a real order: the keys work, may trade and may not withdraw;
 * the traded symbols' filters are read; the fleet's capital is covered by the account's free balance and each bot's
 * share is printed; a paper folder never turns live. Any refusal is one line and exit status 2.
 */
final class LiveStart {

    /** A live start refused before anything was sent; the message is for the operator. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private LiveStart() {
    }

    static BinanceBroker broker(BinanceMarket market, ApiKeys keys, Store store, List<BotSpec> fleet, boolean fresh,
                                PrintStream out) {
        if (!fresh && !"true".equals(store.setting(EngineSettings.LIVE).orElse(null))) {
            throw new Refused("this data folder holds paper trading's books; live trading starts in a folder of its own "
                    + "(leave out --data-dir, or name a new folder)");
        }
        if (fresh && !store.fills().isEmpty()) throw new Refused("this data folder already traded on paper");
        BinanceAccount account = new BinanceAccount(market, keys);
        BinanceAccount.Info info;
        BinanceAccount.Restrictions restrictions;
        try {
            info = account.info();
            restrictions = account.restrictions();
        } catch (BinanceAccount.Refusal e) {
            throw new Refused("Binance did not accept the keys " + keys.maskedKey() + ": " + e.getMessage());
        } catch (BinanceAccount.Unknown e) {
            throw new Refused("the keys " + keys.maskedKey() + " could not be checked, Binance did not answer: " + e.getMessage());
        }
        if (restrictions.withdrawals() || info.canWithdraw()) {
            throw new Refused("the keys " + keys.maskedKey() + " may withdraw funds; Flotilla only trades with keys that cannot "
                    + "withdraw: make a key without withdrawal permission at Binance");
        }
        if (!info.canTrade()) throw new Refused("the keys " + keys.maskedKey() + " may not trade on Spot: enable Spot trading for them");
        TreeSet<Symbol> symbols = new TreeSet<>();
        fleet.forEach(b -> symbols.add(b.symbol()));
        Map<Symbol, SymbolFilters> filters;
        try {
            filters = account.filters(symbols);
        } catch (BinanceAccount.Refusal | BinanceAccount.Unknown e) {
            throw new Refused("Binance's trading rules (exchangeInfo) could not be read: " + e.getMessage());
        }
        symbols.stream().filter(s -> !filters.containsKey(s)).findFirst().ifPresent(s -> {
            throw new Refused("Binance does not trade " + s + " (not in exchangeInfo); take its bots out of the fleet");
        });
        if (fresh) allocation(fleet, info, out);
        // a commission taken in BNB (or another coin) is valued at that coin's USDT price, asked when it happens
        return new BinanceBroker(account, store, filters, asset -> {
            try {
                return market.lastPrices(List.of(new Symbol(asset, "USDT"))).get(new Symbol(asset, "USDT"));
            } catch (RuntimeException e) {
                return null;
            }
        }, WallClock.system());
    }

    /** Each bot's capital is its share of the account: printed, and the sum must be free in the account. */
    private static void allocation(List<BotSpec> fleet, BinanceAccount.Info info, PrintStream out) {
        Map<String, BigDecimal> needed = new TreeMap<>();
        for (BotSpec b : fleet) needed.merge(b.symbol().quote(), b.capital(), BigDecimal::add);
        needed.forEach((asset, sum) -> {
            BigDecimal free = info.balances().containsKey(asset) ? info.balances().get(asset).free() : BigDecimal.ZERO;
            if (sum.compareTo(free) > 0) {
                throw new Refused("the fleet's bots are given " + sum.toPlainString() + " " + asset + " in all, but the account has "
                        + free.stripTrailingZeros().toPlainString() + " " + asset + " free: give the bots less capital in a fleet file (--fleet)");
            }
        });
        out.println("live capital from the Binance account, bot by bot:");
        for (BotSpec b : fleet) {
            out.printf("  %-16s %s %s%n", b.id(), b.capital().stripTrailingZeros().toPlainString(), b.symbol().quote());
        }
    }
}
