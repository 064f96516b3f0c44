package dev.flotilla.ui.screen.risk;

import dev.flotilla.engine.api.InvalidInputException;
import dev.flotilla.engine.api.LimitInfo;
import dev.flotilla.engine.api.LimitSet;
import dev.flotilla.engine.api.RiskApi;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * The risk limits of one bot or of the portfolio, as typed: one field per limit the engine describes, in its order.
 * Each field is checked as it changes by the engine ({@link RiskApi#checkBotLimits}, the same check it applies
 * before it stores), so the message under a field is the engine's, naming the limit and its allowed range. The
 * portfolio's per-symbol exceptions are kept as they are. Works without a window.
 */
public final class LimitsModel {

    private final RiskApi risk;
    private final String botId;
    private final List<LimitInfo> limits;
    private final Map<String, String> stored = new LinkedHashMap<>();
    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> messages = new LinkedHashMap<>();
    private final BooleanBinding valid;

    /** @param botId the bot whose limits these are, or null for the portfolio's */
    public LimitsModel(RiskApi risk, String botId) {
        this.risk = risk;
        this.botId = botId;
        LimitSet set = botId == null ? risk.portfolioLimits() : risk.botLimits(botId);
        this.limits = set.limits();
        for (LimitInfo l : limits) {
            String name = l.name();
            stored.put(name, set.values().get(name));
            StringProperty f = new SimpleStringProperty(set.values().get(name));
            ReadOnlyStringWrapper m = new ReadOnlyStringWrapper("");
            f.addListener((o, a, b) -> m.set(check(name, b)));
            fields.put(name, f);
            messages.put(name, m);
        }
        valid = Bindings.createBooleanBinding(() -> messages.values().stream().allMatch(m -> m.get().isEmpty()),
                messages.values().toArray(ReadOnlyStringWrapper[]::new));
    }

    private String check(String name, String text) {
        Map<String, String> one = Map.of(name, text == null ? "" : text);
        InvalidInputException e = botId == null ? risk.checkPortfolioLimits(one) : risk.checkBotLimits(botId, one);
        return e == null ? "" : e.getMessage();
    }

    /** The fields whose text differs from the stored value. */
    public Map<String, String> changes() {
        Map<String, String> c = new LinkedHashMap<>();
        fields.forEach((name, f) -> {
            if (!f.get().strip().equals(stored.get(name))) c.put(name, f.get().strip());
        });
        return c;
    }

    /** Stores the changes through the engine; they apply from the next decision. Throws InvalidInputException. */
    public void apply() {
        Map<String, String> c = changes();
        if (c.isEmpty()) return;
        if (botId == null) risk.setPortfolioLimits(c);
        else risk.setBotLimits(botId, c);
    }

    /** Shows an engine refusal under its field. */
    public void refused(InvalidInputException e, Consumer<String> elsewhere) {
        ReadOnlyStringWrapper m = messages.get(e.field());
        if (m != null) m.set(e.getMessage());
        else elsewhere.accept(e.getMessage());
    }

    /** The engine's descriptions of the limits shown, in its order. */
    public List<LimitInfo> limits() {
        return limits;
    }

    /** Under a field: what the limit does, then on a line of its own its range and default ("allowed 1 to 1,000 · default 20"). */
    public static String hint(LimitInfo l) {
        return l.meaning() + "\nallowed " + l.allowed() + "  ·  default " + l.show(l.defaultValue());
    }

    /**
     * Beside a field, in the limit's unit: a share as the percentage it means ("= 3%", "= off"), else the unit
     * ("USDT", "count"). Empty while the text is not a number.
     */
    public static String unit(LimitInfo l, String text) {
        if (!l.share()) return l.unit();
        try {
            return "= " + l.show(new BigDecimal(text.strip()));
        } catch (RuntimeException e) {
            return "";
        }
    }

    public String title() {
        return botId == null ? "Portfolio risk limits" : "Risk limits of " + botId;
    }

    public String botId() { return botId; }
    public Map<String, StringProperty> fields() { return fields; }
    public StringProperty field(String name) { return fields.get(name); }
    public ObservableStringValue message(String name) { return messages.get(name).getReadOnlyProperty(); }
    public BooleanBinding valid() { return valid; }
}
