package dev.flotilla.ui.screen.risk;

import dev.flotilla.engine.api.RiskApi;
import dev.flotilla.engine.risk.InvalidLimitException;
import dev.flotilla.engine.risk.PortfolioLimits;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * The risk limits of one bot or of the portfolio, as typed. Each field is checked as it changes by the engine's
 * own rules (the limits record's {@code with}, the same check {@link RiskApi} applies before it stores), so the
 * message under a field is the engine's, naming the limit and its allowed range. Works without a window.
 */
public final class LimitsModel {

    private final RiskApi risk;
    private final String botId;
    private final Map<String, String> stored;
    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> messages = new LinkedHashMap<>();
    private final BooleanBinding valid;

    /** @param botId the bot whose limits these are, or null for the portfolio's */
    public LimitsModel(RiskApi risk, String botId) {
        this.risk = risk;
        this.botId = botId;
        this.stored = new LinkedHashMap<>(botId == null ? risk.portfolioLimits().values() : risk.botLimits(botId).values());
        // per-symbol exceptions are kept as they are; this dialog edits the general limits
        stored.keySet().removeIf(k -> k.startsWith(PortfolioLimits.SYMBOL_VALUE));
        stored.forEach((name, value) -> {
            StringProperty f = new SimpleStringProperty(value);
            ReadOnlyStringWrapper m = new ReadOnlyStringWrapper("");
            f.addListener((o, a, b) -> m.set(check(name, b)));
            fields.put(name, f);
            messages.put(name, m);
        });
        valid = Bindings.createBooleanBinding(() -> messages.values().stream().allMatch(m -> m.get().isEmpty()),
                messages.values().toArray(ReadOnlyStringWrapper[]::new));
    }

    private String check(String name, String text) {
        try {
            Map<String, String> one = Map.of(name, text == null ? "" : text);
            if (botId == null) risk.portfolioLimits().with(one);
            else risk.botLimits(botId).with(one);
            return "";
        } catch (InvalidLimitException e) {
            return e.getMessage();
        }
    }

    /** The fields whose text differs from the stored value. */
    public Map<String, String> changes() {
        Map<String, String> c = new LinkedHashMap<>();
        fields.forEach((name, f) -> {
            if (!f.get().strip().equals(stored.get(name))) c.put(name, f.get().strip());
        });
        return c;
    }

    /** Stores the changes through the engine; they apply from the next decision. Throws InvalidLimitException. */
    public void apply() {
        Map<String, String> c = changes();
        if (c.isEmpty()) return;
        if (botId == null) risk.setPortfolioLimits(c);
        else risk.setBotLimits(botId, c);
    }

    /** Shows an engine refusal under its field. */
    public void refused(InvalidLimitException e, Consumer<String> elsewhere) {
        ReadOnlyStringWrapper m = messages.get(e.limit());
        if (m != null) m.set(e.getMessage());
        else elsewhere.accept(e.getMessage());
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
