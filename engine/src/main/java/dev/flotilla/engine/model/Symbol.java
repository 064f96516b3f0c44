package dev.flotilla.engine.model;

import java.util.Objects;

/** A spot trading pair such as BTC/USDT. */
public record Symbol(String base, String quote) implements Comparable<Symbol> {
    public Symbol {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        if (!base.matches("[A-Z0-9]{2,10}") || !quote.matches("[A-Z0-9]{2,10}")) {
            throw new IllegalArgumentException("symbol must look like BTC/USDT, got " + base + "/" + quote);
        }
    }

    /** Texts parsed before: every stored row names its symbol, and reading a run's fills parses each. */
    private static final java.util.Map<String, Symbol> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Parses "BTC/USDT" (also "BTC-USDT"). */
    public static Symbol parse(String text) {
        if (text == null) throw new IllegalArgumentException("symbol is missing");
        Symbol known = PARSED.get(text);
        if (known != null) return known;
        Symbol s = parseNew(text);
        if (PARSED.size() < 4_096) PARSED.put(text, s);
        return s;
    }

    private static Symbol parseNew(String text) {
        String[] parts = text.trim().toUpperCase().split("[/-]");
        if (parts.length != 2) throw new IllegalArgumentException("symbol must look like BTC/USDT, got '" + text + "'");
        return new Symbol(parts[0], parts[1]);
    }

    /** The exchange form without separator, e.g. BTCUSDT. */
    public String compact() {
        return base + quote;
    }

    @Override
    public String toString() {
        return base + "/" + quote;
    }

    /**
     * The order of "BASE/QUOTE" as text, without building the text (symbols are compared in every sorted map of
     * prices): '/' sorts before every character a base may hold, so comparing the bases first is the same order.
     */
    @Override
    public int compareTo(Symbol o) {
        int c = base.compareTo(o.base);
        return c != 0 ? c : quote.compareTo(o.quote);
    }
}
