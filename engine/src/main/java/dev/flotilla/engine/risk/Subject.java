package dev.flotilla.engine.risk;

import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.model.BotBook;
import dev.flotilla.engine.model.RiskState;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the checks of one intent see: the intent as the checks before have left it, the bot's books, its and the
 * fleet's risk rows, the limits, the exposure and the last trade price. The trade counters and the correlation are
 * read only when a check asks, since they cost a store read and a computation.
 */
public final class Subject {

    private final Intent asked;
    private final RiskBook book;
    private final TradeCounters counters;
    private final CorrelationSizer correlation;
    private final Exposure exposure;
    private final BigDecimal lastPrice;
    private final boolean opening;
    private final long now;
    private Intent intent;
    private BigDecimal share = BigDecimal.ONE;
    private final StringBuilder why = new StringBuilder();
    private TradeCounters.Counts counts;
    private CorrelationSizer.Result correlated;

    Subject(Intent asked, RiskBook book, TradeCounters counters, CorrelationSizer correlation, Exposure exposure,
            BigDecimal lastPrice, boolean opening, long now) {
        this.asked = asked;
        this.intent = asked;
        this.book = book;
        this.counters = counters;
        this.correlation = correlation;
        this.exposure = exposure;
        this.lastPrice = lastPrice;
        this.opening = opening;
        this.now = now;
    }

    /** The intent as asked. */
    public Intent asked() {
        return asked;
    }

    /** The intent after the sizers and stop checks so far. */
    public Intent intent() {
        return intent;
    }

    /** The value of the intent as the checks before have left it: size times price. */
    public BigDecimal value() {
        return intent.qty().multiply(intent.refPrice());
    }

    public BotBook bot() {
        return asked.bot();
    }

    public RiskState botRisk() {
        return book.bot(asked.botId());
    }

    public RiskState fleet() {
        return book.fleet();
    }

    public BotLimits limits() {
        return book.limits(asked.botId());
    }

    public PortfolioLimits portfolio() {
        return book.portfolio();
    }

    public boolean killSwitch() {
        return book.killSwitch();
    }

    /** The fleet's exposure with the entries approved before this one; null for an exit. */
    public Exposure exposure() {
        return exposure;
    }

    /** The last trade price of the symbol, or null when none was seen since the start. */
    public BigDecimal lastPrice() {
        return lastPrice;
    }

    /** Whether another entry of the same bot is approved and not yet settled. */
    public boolean opening() {
        return opening;
    }

    public TradeCounters.Counts counts() {
        if (counts == null) counts = counters.of(asked.botId(), now);
        return counts;
    }

    public CorrelationSizer.Result correlation() {
        if (correlated == null) correlated = correlation.size(asked.symbol(), exposure.bySymbol());
        return correlated;
    }

    /** The product of the sizers' shares so far. */
    public BigDecimal share() {
        return share;
    }

    /** What the sizers added to the reason so far. */
    public String why() {
        return why.toString();
    }

    /**
     * Everything that sized an approved entry, as JSON: cash, cap, price, the size asked and given, the cooldown and
     * the correlation with what it saw held. Stored with the order, so a restart can be held to the same inputs.
     */
    String sizingInputs() {
        BotLimits l = limits();
        BigDecimal cap = l.maxPosition().multiply(bot().capital()).min(portfolio().maxOrderValue());
        int losses = counts().lossesInARow();
        CorrelationSizer.Result corr = correlation();
        String sizing = Numbers.json("cash", bot().account().cash(), "cap", cap, "price", asked.refPrice(),
                "intended", asked.qty(), "lossesInARow", losses, "cooldown", Cooldown.factor(losses, l.cooldownAfter()),
                "correlation", Double.isNaN(corr.correlation()) ? "none" : corr.correlation(), "returns", corr.returns(),
                "correlationFactor", corr.factor(), "qty", intent.qty());
        StringBuilder held = new StringBuilder(sizing.substring(0, sizing.length() - 1)).append(",\"held\":{");
        exposure.bySymbol().forEach((s, v) -> held.append(held.charAt(held.length() - 1) == '{' ? "" : ",")
                .append('"').append(s).append("\":").append(v.stripTrailingZeros().toPlainString()));
        return held.append("}}").toString();
    }

    /** Applies a check's share or stop; the size is taken from the asked size and all shares so far, rounded once. */
    void apply(Verdict v) {
        BigDecimal qty = intent.qty();
        BigDecimal stop = intent.stopPrice();
        if (v.share() != null) {
            share = share.multiply(v.share());
            qty = share.compareTo(BigDecimal.ONE) == 0 ? asked.qty()
                    : asked.qty().multiply(share).setScale(Math.max(asked.qty().scale(), 6), RoundingMode.DOWN);
        }
        if (v.why() != null) why.append(v.why());
        if (v.stop() != null) stop = v.stop();
        intent = intent.with(qty, stop, asked.reason() + why);
    }
}
