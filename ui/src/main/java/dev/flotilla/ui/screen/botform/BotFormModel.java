package dev.flotilla.ui.screen.botform;

import dev.flotilla.engine.api.BotCatalog;
import dev.flotilla.engine.api.BotCheck;
import dev.flotilla.engine.api.BotCommands;
import dev.flotilla.engine.api.BotDraft;
import dev.flotilla.engine.api.StrategyInfo;
import dev.flotilla.engine.api.ParamInfo;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The new-bot and edit-bot form. Every change asks the engine to check the draft, and each message goes
 * under its field; the form is valid when the engine has nothing to say. It holds no rules of its own.
 */
public final class BotFormModel {

    private final BotCommands bots;
    private final BotCatalog catalog;
    private final String editing;
    private final StringProperty id = new SimpleStringProperty("");
    private final StringProperty strategy = new SimpleStringProperty();
    private final StringProperty symbol = new SimpleStringProperty();
    private final StringProperty timeframe = new SimpleStringProperty();
    private final StringProperty capital = new SimpleStringProperty("");
    private final BooleanProperty start = new SimpleBooleanProperty(true);
    private final ObservableList<ParamField> params = FXCollections.observableArrayList();
    private final Map<String, ReadOnlyStringWrapper> messages = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final boolean moveLocked;
    private final boolean capitalLocked;
    private boolean idTouched;
    private boolean building = true;
    private boolean checking;
    private boolean suggesting;

    /** A form for a new bot. */
    public static BotFormModel create(BotCommands bots) {
        return new BotFormModel(bots, null, null);
    }

    /** A form for an existing bot, filled with its definition. */
    public static BotFormModel edit(BotCommands bots, String botId) {
        return new BotFormModel(bots, botId, bots.draft(botId).orElseThrow(() -> new IllegalArgumentException("no bot " + botId)));
    }

    private BotFormModel(BotCommands bots, String editing, BotDraft current) {
        this.bots = bots;
        this.catalog = bots.catalog();
        this.editing = editing;
        for (String f : new String[] {BotCheck.ID, BotCheck.STRATEGY, BotCheck.SYMBOL, BotCheck.TIMEFRAME, BotCheck.CAPITAL,
                BotCheck.PARAMS}) {
            messages.put(f, new ReadOnlyStringWrapper(""));
        }
        if (current == null) {
            strategy.set(catalog.strategies().getFirst().id());
            symbol.set(catalog.symbols().isEmpty() ? "" : catalog.symbols().getFirst());
            timeframe.set(catalog.timeframes().getFirst());
            capital.set(catalog.defaultCapital().stripTrailingZeros().toPlainString());
            fillParams(Map.of());
            moveLocked = false;
            capitalLocked = false;
        } else {
            id.set(current.id());
            strategy.set(current.strategy());
            symbol.set(current.symbol());
            timeframe.set(current.timeframe());
            capital.set(current.capital());
            fillParams(current.params());
            moveLocked = !bots.canMove(editing);
            capitalLocked = !bots.canChangeCapital(editing);
        }
        building = false;
        id.addListener((o, a, b) -> {
            if (!suggesting) idTouched = true;
            check();
        });
        strategy.addListener((o, a, b) -> {
            fillParams(editing != null && b != null && b.equals(current.strategy()) ? current.params() : Map.of());
            check();
        });
        for (StringProperty p : new StringProperty[] {symbol, timeframe, capital}) p.addListener((o, a, b) -> check());
        check();
    }

    private void fillParams(Map<String, String> values) {
        params.clear();
        StrategyInfo info = info();
        if (info == null) return;
        for (ParamInfo spec : info.params()) {
            ParamField f = new ParamField(spec, values.getOrDefault(spec.name(), ParamField.num(spec.defaultValue())));
            f.text().addListener((o, a, b) -> check());
            params.add(f);
        }
    }

    private StrategyInfo info() {
        return catalog.strategies().stream().filter(s -> s.id().equals(strategy.get())).findFirst().orElse(null);
    }

    /** A free id in the fleet's style (e.g. "ema-btc-15m-2"), offered until the operator types one. */
    private void suggestId() {
        if (strategy.get() == null || symbol.get() == null || symbol.get().isEmpty() || timeframe.get() == null) return;
        String kind = strategy.get().split("-")[0];
        String base = (kind.length() > 5 ? kind.substring(0, 5) : kind) + "-"
                + symbol.get().split("/")[0].toLowerCase(Locale.ROOT) + "-" + timeframe.get();
        for (int n = 1; n < 100; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            if (bots.check(draftWith(candidate), null).problem(BotCheck.ID) == null) {
                suggesting = true;
                try {
                    id.set(candidate);
                } finally {
                    suggesting = false;
                }
                return;
            }
        }
    }

    /** Asks the engine about the current draft and shows its answer under the fields. */
    public void check() {
        if (building || checking) return;
        checking = true;
        try {
            if (editing == null && !idTouched) suggestId();
            BotCheck c = bots.check(draft(), editing);
            messages.forEach((field, m) -> m.set(c.problems().getOrDefault(field, "")));
            for (ParamField f : params) f.message.set(c.problems().getOrDefault(BotCheck.param(f.spec().name()), ""));
            valid.set(c.ok());
        } finally {
            checking = false;
        }
    }

    public BotDraft draft() {
        return draftWith(id.get());
    }

    private BotDraft draftWith(String botId) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ParamField f : params) values.put(f.spec().name(), f.text().get());
        return new BotDraft(botId, strategy.get(), symbol.get(), timeframe.get(), values, capital.get());
    }

    /** Creates or changes the bot on the engine; completes when the engine has done it. */
    public CompletableFuture<?> submit() {
        return editing == null ? bots.create(draft(), start.get()) : bots.edit(editing, draft());
    }

    public boolean isNew() { return editing == null; }
    public String editing() { return editing; }
    public BotCatalog catalog() { return catalog; }
    public StringProperty id() { return id; }
    public StringProperty strategy() { return strategy; }
    public StringProperty symbol() { return symbol; }
    public StringProperty timeframe() { return timeframe; }
    public StringProperty capital() { return capital; }
    /** For a new bot: start it at once. */
    public BooleanProperty start() { return start; }
    public ObservableList<ParamField> params() { return params; }
    public ReadOnlyBooleanProperty valid() { return valid.getReadOnlyProperty(); }
    /** Symbol and timeframe cannot change while the bot holds a position. */
    public boolean moveLocked() { return moveLocked; }
    /** The capital cannot change once the bot has traded. */
    public boolean capitalLocked() { return capitalLocked; }

    /** The message of a field (see {@link BotCheck}); empty when the field is fine. */
    public ReadOnlyStringProperty message(String field) {
        ReadOnlyStringWrapper m = messages.get(field);
        if (m != null) return m.getReadOnlyProperty();
        for (ParamField f : params) if (BotCheck.param(f.spec().name()).equals(field)) return f.message();
        throw new IllegalArgumentException("no field " + field);
    }
}
