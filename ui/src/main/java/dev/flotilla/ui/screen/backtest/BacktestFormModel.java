package dev.flotilla.ui.screen.backtest;

import dev.flotilla.engine.api.BacktestApi;
import dev.flotilla.engine.api.InvalidInputException;
import dev.flotilla.engine.api.ParamInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.flotilla.ui.fx.Loader;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The backtest form: which bots, the period (UTC days, both included), fees, slippage and market, or for a sweep one
 * bot's parameter ranges, the ranking and the workers. It turns what is typed into the engine's draft; the engine
 * checks it, and a refusal lands as a message under the field it names.
 */
public final class BacktestFormModel {

    public enum Mode { BACKTEST, SWEEP }

    /** A bot the form offers: its id and its strategy type. */
    public record BotChoice(String id, String strategy) {
    }

    /** One strategy parameter of the swept bot: blank is not swept, else FROM..TO:STEP or A,B,C. */
    public record RangeField(ParamInfo spec, StringProperty text) {
        public String hint() {
            return HeatMap.number(spec.min()) + ".." + HeatMap.number(spec.max()) + ", default "
                    + HeatMap.number(spec.defaultValue());
        }
    }

    /** Fields a message can stand under; "other" holds what names none of them. */
    public static final List<String> FIELDS = List.of("bots", "from", "to", "fee", "slippage", "seed", "params", "rank",
            "workers", "other");

    private final List<BotChoice> bots;
    private final Function<String, List<ParamInfo>> paramsOf;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.BACKTEST);
    private final BooleanProperty allBots = new SimpleBooleanProperty(true);
    private final ObservableList<String> chosen = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(LocalDate.of(2024, 4, 1));
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(LocalDate.of(2024, 4, 14));
    private final StringProperty fee = new SimpleStringProperty("10");
    private final StringProperty slippage = new SimpleStringProperty("5");
    private final BooleanProperty sandbox = new SimpleBooleanProperty(true);
    private final StringProperty seed = new SimpleStringProperty("7");
    private final ObjectProperty<String> sweepBot = new SimpleObjectProperty<>();
    private final ObservableList<RangeField> ranges = FXCollections.observableArrayList();
    private final StringProperty rank = new SimpleStringProperty("sharpe");
    private final StringProperty workers = new SimpleStringProperty(String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors())));
    private final Map<String, ReadOnlyStringWrapper> messages = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper();

    /**
     * @param bots     the fleet's bots
     * @param paramsOf a strategy type's parameters
     */
    public BacktestFormModel(List<BotChoice> bots, Function<String, List<ParamInfo>> paramsOf) {
        this.bots = List.copyOf(bots);
        this.paramsOf = paramsOf;
        for (String f : FIELDS) messages.put(f, new ReadOnlyStringWrapper(""));
        sweepBot.addListener((o, a, b) -> rebuildRanges());
        if (!bots.isEmpty()) sweepBot.set(bots.getFirst().id());
    }

    private void rebuildRanges() {
        List<RangeField> fields = new ArrayList<>();
        BotChoice b = bots.stream().filter(x -> x.id().equals(sweepBot.get())).findFirst().orElse(null);
        if (b != null) for (ParamInfo p : paramsOf.apply(b.strategy())) fields.add(new RangeField(p, new SimpleStringProperty("")));
        ranges.setAll(fields);
    }

    public List<BotChoice> bots() { return bots; }
    public ObjectProperty<Mode> mode() { return mode; }
    public BooleanProperty allBots() { return allBots; }
    /** The bots picked when not all. */
    public ObservableList<String> chosen() { return chosen; }
    public ObjectProperty<LocalDate> from() { return from; }
    public ObjectProperty<LocalDate> to() { return to; }
    public StringProperty fee() { return fee; }
    public StringProperty slippage() { return slippage; }
    /** The sandbox's history for {@link #seed()}, or (false) the candles stored in the data folder. */
    public BooleanProperty sandbox() { return sandbox; }
    public StringProperty seed() { return seed; }
    public ObjectProperty<String> sweepBot() { return sweepBot; }
    public ObservableList<RangeField> ranges() { return ranges; }
    public StringProperty rank() { return rank; }
    public StringProperty workers() { return workers; }

    public RangeField range(String param) {
        return ranges.stream().filter(r -> r.spec().name().equals(param)).findFirst().orElseThrow();
    }

    /** The message under a field ("" when none). */
    public ReadOnlyStringProperty message(String field) {
        return messages.get(field).getReadOnlyProperty();
    }

    /**
     * Starts the backtest or sweep the form describes. The engine checks the draft against the store, so that runs in
     * the background; {@code onJob} gets the job on the FX thread, and a refusal shows under its field instead.
     */
    public void start(BacktestApi api, Loader loader, Consumer<BacktestApi.Job> onJob) {
        messages.values().forEach(m -> m.set(""));
        Supplier<BacktestApi.Job> work;
        try {
            if (mode.get() == Mode.SWEEP) {
                BacktestApi.SweepDraft d = sweepDraft();
                work = () -> api.sweep(d);
            } else {
                BacktestApi.Draft d = draft();
                work = () -> api.backtest(d);
            }
        } catch (InvalidInputException e) {
            refused(e);
            return;
        }
        starting.set(true);
        loader.load(work, job -> {
            starting.set(false);
            onJob.accept(job);
        }, e -> {
            starting.set(false);
            if (e instanceof InvalidInputException i) refused(i);
            else messages.get("other").set(String.valueOf(e.getMessage()));
        });
    }

    /** Whether a start is being checked by the engine. */
    public ReadOnlyBooleanProperty starting() {
        return starting.getReadOnlyProperty();
    }

    /** Shows a refusal under the field it names. */
    public void refused(InvalidInputException e) {
        String field = switch (e.field()) {
            case "bot" -> "bots";
            case "param" -> "params";
            case "slippageBps" -> "slippage";
            case "feeBps" -> "fee";
            default -> e.field();
        };
        messages.getOrDefault(field, messages.get("other")).set(e.getMessage());
    }

    public BacktestApi.Draft draft() {
        List<String> ids = allBots.get() ? List.of() : List.copyOf(chosen);
        if (!allBots.get() && ids.isEmpty()) throw new InvalidInputException("bots", "pick at least one bot, or all of them", null);
        return new BacktestApi.Draft(ids, start(), end(), bps(fee, "fee"), bps(slippage, "slippage"), seedValue());
    }

    public BacktestApi.SweepDraft sweepDraft() {
        if (sweepBot.get() == null) throw new InvalidInputException("bots", "pick the bot whose parameters to sweep", null);
        List<String> params = new ArrayList<>();
        for (RangeField r : ranges) {
            String t = r.text().get() == null ? "" : r.text().get().trim();
            if (!t.isEmpty()) params.add(r.spec().name() + "=" + t);
        }
        int n;
        try {
            n = Integer.parseInt(workers.get().trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("workers", "a whole number of workers, from 1 to 256", e);
        }
        return new BacktestApi.SweepDraft(sweepBot.get(), params, start(), end(), bps(fee, "fee"), bps(slippage, "slippage"),
                seedValue(), rank.get(), n);
    }

    private long start() {
        if (from.get() == null) throw new InvalidInputException("from", "pick the first day", null);
        return from.get().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** The end of the last day: the period holds both days. */
    private long end() {
        if (to.get() == null) throw new InvalidInputException("to", "pick the last day", null);
        return to.get().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static BigDecimal bps(StringProperty text, String field) {
        try {
            return new BigDecimal(text.get().trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidInputException(field, "basis points as a number, e.g. 10 for 0.1%", e);
        }
    }

    private Long seedValue() {
        if (!sandbox.get()) return null;
        try {
            return Long.valueOf(seed.get().trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidInputException("seed", "the sandbox seed is a whole number, e.g. 7", e);
        }
    }
}
