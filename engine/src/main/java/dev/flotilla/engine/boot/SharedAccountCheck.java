package dev.flotilla.engine.boot;

import dev.flotilla.engine.fleet.BotRuntime;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The start's check of a shared (live) account: per asset, what the bots hold together, plus what the operator
 * declared as kept outside Flotilla, against the account's free balance. A coin the bots trade must match exactly (a
 * surplus could be a fill the ledger never booked); the quote currency must cover the bots' cash (the rest of it is
 * capital not allocated to any bot).
 */
final class SharedAccountCheck {

    static final String ACCOUNT = "account";

    private SharedAccountCheck() {
    }

    static List<Reconciliation.Difference> check(Collection<BotRuntime> bots, Map<String, BigDecimal> free,
                                                 Map<String, BigDecimal> outside) {
        Map<String, BigDecimal> coins = new TreeMap<>();
        Map<String, BigDecimal> quotes = new TreeMap<>();
        for (BotRuntime b : bots) {
            quotes.merge(b.spec().symbol().quote(), b.account().cash(), BigDecimal::add);
            coins.merge(b.spec().symbol().base(), b.position() == null ? BigDecimal.ZERO : b.position().qty(), BigDecimal::add);
        }
        List<Reconciliation.Difference> out = new ArrayList<>();
        coins.forEach((asset, held) -> {
            BigDecimal kept = outside.getOrDefault(asset, BigDecimal.ZERO);
            BigDecimal account = free.getOrDefault(asset, BigDecimal.ZERO).subtract(kept);
            if (held.compareTo(account) != 0) {
                out.add(new Reconciliation.Difference(ACCOUNT, asset + " held by the bots", held, account,
                        "free in the Binance account" + (kept.signum() == 0 ? "" : " less " + kept.toPlainString()
                                + " declared as kept outside Flotilla") + " (what you keep there yourself is declared with"
                                + " --keep-outside " + asset + "=QTY)"));
            }
        });
        quotes.forEach((asset, cash) -> {
            BigDecimal kept = outside.getOrDefault(asset, BigDecimal.ZERO);
            BigDecimal account = free.getOrDefault(asset, BigDecimal.ZERO).subtract(kept);
            if (cash.compareTo(account) > 0) {
                out.add(new Reconciliation.Difference(ACCOUNT, asset + " cash of the bots (not covered)", cash, account,
                        "free in the Binance account" + (kept.signum() == 0 ? "" : " less " + kept.toPlainString()
                                + " declared as kept outside Flotilla")));
            }
        });
        return out;
    }

    /** "BTC=0.5,ETH=1" as the operator declares it (setting {@code live.outside}). */
    static Map<String, BigDecimal> parse(String declared) {
        Map<String, BigDecimal> out = new TreeMap<>();
        if (declared == null || declared.isBlank()) return out;
        for (String part : declared.split(",")) {
            String[] kv = part.trim().split("=");
            if (kv.length != 2) throw new IllegalArgumentException("not ASSET=AMOUNT: " + part.trim());
            out.put(kv[0].trim().toUpperCase(java.util.Locale.ROOT), new BigDecimal(kv[1].trim()));
        }
        return out;
    }
}
