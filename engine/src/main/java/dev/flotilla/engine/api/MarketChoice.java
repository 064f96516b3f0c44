package dev.flotilla.engine.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which market a data folder trades: the built-in sandbox, or Binance's public market data (paper trading) at a
 * base URL. The command line and the settings make the same choice through {@link #parse}.
 *
 * @param binanceUrl base URL without a trailing slash; null for the sandbox
 */
public record MarketChoice(Kind kind, String binanceUrl) {

    public enum Kind { SANDBOX, BINANCE }

    public static final String PRODUCTION_URL = "https://api.binance.com";
    public static final String TESTNET_URL = "https://testnet.binance.vision";

    public static MarketChoice sandbox() {
        return new MarketChoice(Kind.SANDBOX, null);
    }

    public static MarketChoice binance(String url) {
        return new MarketChoice(Kind.BINANCE, binanceUrl(url));
    }

    /**
     * The choice named by a market ("sandbox" or "binance", default sandbox) and a Binance URL ("production",
     * "testnet" or an http(s) URL; default production). Throws IllegalArgumentException with a message for the
     * user when either is not allowed.
     */
    public static MarketChoice parse(String market, String url) {
        String m = market == null ? "sandbox" : market.trim().toLowerCase(Locale.ROOT);
        return switch (m) {
            case "sandbox" -> {
                if (url != null) throw new IllegalArgumentException("a Binance URL applies only to the binance market");
                yield sandbox();
            }
            case "binance" -> binance(url == null ? PRODUCTION_URL : url);
            default -> throw new IllegalArgumentException("market must be sandbox or binance, got '" + market + "'");
        };
    }

    /** "production", "testnet" or an http(s) URL with a host and nothing after the path, normalised. */
    public static String binanceUrl(String text) {
        String t = text == null ? "" : text.trim();
        if (t.equalsIgnoreCase("production")) return PRODUCTION_URL;
        if (t.equalsIgnoreCase("testnet")) return TESTNET_URL;
        String problem = "Binance URL must be production, testnet or an http(s) URL such as " + PRODUCTION_URL
                + ", got '" + text + "'";
        try {
            URI u = new URI(t);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null || u.getQuery() != null
                    || u.getFragment() != null || u.getUserInfo() != null) {
                throw new IllegalArgumentException(problem);
            }
            String s = u.toString();
            while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
            return s;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The name stored in a data folder and accepted by {@link #parse}. */
    public String key() {
        return kind == Kind.SANDBOX ? "sandbox" : "binance";
    }

    public boolean isTestnet() {
        return TESTNET_URL.equals(binanceUrl);
    }

    /** What the console's mode badge shows for this market (the endpoint is in {@link MarketStatus}). */
    public String modeLabel(String sandboxSpeed) {
        return kind == Kind.SANDBOX ? "SANDBOX x" + sandboxSpeed : "PAPER on Binance data";
    }

    @Override
    public String toString() {
        return kind == Kind.SANDBOX ? "sandbox" : "binance " + binanceUrl;
    }
}
