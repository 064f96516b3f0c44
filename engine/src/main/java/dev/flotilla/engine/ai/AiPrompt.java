package dev.flotilla.engine.ai;

import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.model.BotBook;
import dev.flotilla.engine.model.Candle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The question about one entry, kept short: the bot, the order, the strategy's reason, recent candles, the books. */
final class AiPrompt {

    static final String SYSTEM = "You review one spot crypto entry a trading bot wants to make; it already passed the "
            + "risk limits. Answer only with the JSON object asked for: decision approve, shrink (factor 0.25 to 1: the "
            + "share of the quantity to keep) or veto, and a short reason (one sentence). Veto only for a clear reason.";

    private static final int CANDLES = 20;

    private AiPrompt() {
    }

    /**
     * @param strategy  the bot's strategy name, or null when unknown
     * @param timeframe the bot's timeframe label, or null
     * @param candles   the feed's recent closed candles, oldest first
     * @param limits    the bot's risk limits by name
     */
    static String of(Intent in, String strategy, String timeframe, List<Candle> candles, Map<String, String> limits) {
        BotBook b = in.bot();
        StringBuilder s = new StringBuilder();
        s.append("bot ").append(b.id()).append(", strategy ").append(strategy).append(", ")
                .append(b.symbol()).append(' ').append(timeframe).append('\n');
        s.append("order: ").append(in.side()).append(' ').append(in.qty().toPlainString()).append(" at ")
                .append(in.refPrice().toPlainString());
        if (in.stopPrice() != null) s.append(", stop ").append(in.stopPrice().toPlainString());
        s.append(" (value ").append(in.qty().multiply(in.refPrice()).setScale(2, java.math.RoundingMode.HALF_EVEN)
                .toPlainString()).append(")\n");
        s.append("strategy's reason: ").append(in.reason()).append('\n');
        s.append("bot: capital ").append(b.capital().toPlainString()).append(", cash ")
                .append(b.account().cash().toPlainString()).append(", realized PnL ")
                .append(b.account().realizedPnl().toPlainString()).append(", position ")
                .append(b.position() == null ? "none" : b.position().qty().toPlainString()).append('\n');
        if (!limits.isEmpty()) s.append("limits: ").append(limits).append('\n');
        s.append(candles(candles));
        return s.toString();
    }

    private static String candles(List<Candle> all) {
        if (all.isEmpty()) return "recent candles: none held\n";
        List<Candle> c = all.subList(Math.max(0, all.size() - CANDLES), all.size());
        double hi = c.stream().mapToDouble(Candle::high).max().orElse(0);
        double lo = c.stream().mapToDouble(Candle::low).min().orElse(0);
        double first = c.getFirst().open();
        double last = c.getLast().close();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "last %d candles: open %s, close %s (%+.2f%%), high %s, low %s; last closes:", c.size(), num(first),
                num(last), first == 0 ? 0 : (last / first - 1) * 100, num(hi), num(lo)));
        for (Candle k : c.subList(Math.max(0, c.size() - 5), c.size())) s.append(' ').append(num(k.close()));
        return s.append('\n').toString();
    }

    private static String num(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    static String sha256(String prompt) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((SYSTEM + "\n" + prompt).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
