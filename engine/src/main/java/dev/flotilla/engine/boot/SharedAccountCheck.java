package dev.flotilla.engine.boot;

import dev.flotilla.engine.fleet.BotRuntime;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The start's check of a shared (live) account: per asset, what the bots hold together must be covered by the
 * account's free balance less what the operator declared as kept outside Flotilla. A surplus is not a difference: the
 * quote currency's is capital given to no bot, a coin's is dust under the lot step that a sell left behind (Binance
 * sells whole steps only) or what the operator holds; a shortfall means a bot would sell or spend what is not there.
 */
final class SharedAccountCheck {

    static final String ACCOUNT = "account";

    private SharedAccountCheck() {
    }

    static List<Reconciliation.Difference> check(Collection<BotRuntime> bots, Map<String, BigDecimal> free,
                                                 Map<String, BigDecimal> outside) {
        Map<String, BigDecimal> needed = new TreeMap<>();
        java.util.Set<String> quotes = new java.util.HashSet<>();
        for (BotRuntime b : bots) {
            quotes.add(b.spec().symbol().quote());
            needed.merge(b.spec().symbol().quote(), b.account().cash(), BigDecimal::add);
            needed.merge(b.spec().symbol().base(), b.position() == null ? BigDecimal.ZERO : b.position().qty(), BigDecimal::add);
        }
        List<Reconciliation.Difference> out = new ArrayList<>();
        needed.forEach((asset, held) -> {
            BigDecimal kept = outside.getOrDefault(asset, BigDecimal.ZERO);
            BigDecimal account = free.getOrDefault(asset, BigDecimal.ZERO).subtract(kept);
            if (held.compareTo(account) > 0) {
                out.add(new Reconciliation.Difference(ACCOUNT, asset + (quotes.contains(asset) ? " cash of the bots" : " held by the bots")
                        + " (not covered)", held, account, "free in the Binance account" + (kept.signum() == 0 ? ""
                        : " less " + kept.toPlainString() + " declared as kept outside Flotilla")));
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
