package dev.flotilla.engine.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.engine.api.FleetImport;
import dev.flotilla.engine.api.FleetPlan;
import dev.flotilla.engine.api.FleetRefusedException;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.fleet.Fleet;
import dev.flotilla.engine.fleet.FleetFile;
import dev.flotilla.engine.fleet.FleetFileException;
import dev.flotilla.engine.loop.EngineCalls;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet file against the running fleet: the plan (every bot checked with the rules of {@link FleetCommands}), and
 * the plan applied in one engine step through the same commands a dialog uses, so there is one set of rules.
 */
public final class FleetImporter implements FleetImport {

    private static final Logger log = LoggerFactory.getLogger(FleetImporter.class);
    private static final Pattern BOT_PATH = Pattern.compile("^bots\\[(\\d+)\\]");

    private final FleetCommands commands;
    private final StrategyRegistry registry;
    private final Fleet fleet;
    private final EngineCalls engine;

    public FleetImporter(FleetCommands commands, StrategyRegistry registry, Fleet fleet, EngineCalls engine) {
        this.commands = commands;
        this.registry = registry;
        this.fleet = fleet;
        this.engine = engine;
    }

    /** The checked difference between a file and the fleet: the plan and the specs that carry it out. */
    private record Diff(FleetPlan plan, List<BotSpec> added, List<BotSpec> changed, List<String> removed) {
    }

    @Override
    public CompletableFuture<FleetPlan> plan(String fleetJson) {
        return engine.call(() -> diff(fleetJson).plan());
    }

    @Override
    public CompletableFuture<FleetPlan> apply(String fleetJson, String previewed) {
        return engine.call(() -> applyNow(fleetJson, previewed));
    }

    /** {@link #apply} on the engine thread: checked again, then every command, with nothing run in between. */
    public FleetPlan applyNow(String fleetJson, String previewed) {
        Diff d = diff(fleetJson);
        if (previewed != null && !previewed.equals(d.plan().fingerprint())) {
            throw new FleetRefusedException(List.of("the running fleet has changed since the plan was shown, so the file "
                    + "would now do something else (" + d.plan().counts() + "); look at the new plan and apply it again"));
        }
        List<String> done = new ArrayList<>();
        try {
            for (BotSpec s : d.added()) {
                commands.createNow(commands.draftOf(s), true);
                done.add("added " + s.id());
            }
            for (BotSpec s : d.changed()) {
                commands.editNow(s.id(), commands.draftOf(s), dev.flotilla.engine.model.ParamChange.FLEET_FILE);
                done.add("changed " + s.id());
            }
            for (String id : d.removed()) {
                commands.removeNow(id);
                done.add("removed " + id);
            }
        } catch (RuntimeException e) {
            // checked just before on this thread, so only a store failure gets here: say exactly how far it went
            log.error("fleet file applied only in part ({}): {}", done.isEmpty() ? "nothing done" : String.join(", ", done),
                    e.getMessage(), e);
            throw new IllegalStateException("the fleet file was applied only in part (" + (done.isEmpty() ? "nothing done"
                    : String.join(", ", done)) + "): " + e.getMessage(), e);
        }
        FleetPlan p = d.plan();
        log.info("fleet file applied: {}{}{}{}", p.counts(), names("; added", p.add()), names("; changed", p.change()),
                names("; removed", p.remove()));
        p.change().forEach(b -> log.info("fleet file changed bot {}: {}", b.id(), String.join(", ", b.changes())));
        return p;
    }

    private static String names(String what, List<FleetPlan.Bot> bots) {
        return bots.isEmpty() ? "" : what + " " + String.join(", ", bots.stream().map(FleetPlan.Bot::id).toList());
    }

    /** On the engine thread: the file read and every bot checked; one exception naming every problem, or the diff. */
    private Diff diff(String fleetJson) {
        engine.refresh();  // the snapshot the checks read holds this very moment's positions
        List<BotSpec> file;
        try {
            file = new FleetFile(registry, commands.catalog().symbols().stream().map(Symbol::parse).toList()).parse(fleetJson);
        } catch (FleetFileException e) {
            throw new FleetRefusedException(List.of(withBotId(e.getMessage(), fleetJson)));
        }
        Map<String, BotRuntime> running = new LinkedHashMap<>(fleet.botMap());
        List<String> problems = new ArrayList<>();
        List<FleetPlan.Bot> add = new ArrayList<>();
        List<FleetPlan.Bot> change = new ArrayList<>();
        List<FleetPlan.Bot> remove = new ArrayList<>();
        List<BotSpec> added = new ArrayList<>();
        List<BotSpec> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        int unchanged = 0;
        Set<String> inFile = new LinkedHashSet<>();
        for (BotSpec s : file) {
            inFile.add(s.id());
            BotRuntime bot = running.get(s.id());
            if (bot == null) {
                commands.check(commands.draftOf(s), null).problems().values().forEach(p -> problems.add("new bot " + s.id() + ": " + p));
                add.add(new FleetPlan.Bot(s.id(), describe(s) + ", starts running", List.of()));
                added.add(s);
                continue;
            }
            List<String> fields = PlanText.changes(bot.spec(), s);
            if (fields.isEmpty()) {
                unchanged++;
                continue;
            }
            commands.check(commands.draftOf(s), s.id()).problems().values().forEach(p -> problems.add("bot " + s.id() + ": " + p));
            change.add(new FleetPlan.Bot(s.id(), describe(s) + (bot.position() != null ? ", holds a position" : ""), fields));
            changed.add(s);
        }
        for (BotRuntime bot : running.values()) {
            if (inFile.contains(bot.id())) continue;
            if (bot.position() != null) {
                problems.add("bot " + bot.id() + " is not in the file, but it holds a position in " + bot.spec().symbol()
                        + " and can be removed only once it is flat: keep it in the file, or close the position first");
            }
            remove.add(new FleetPlan.Bot(bot.id(), describe(bot.spec()), List.of()));
            removed.add(bot.id());
        }
        if (!problems.isEmpty()) throw new FleetRefusedException(problems);
        return new Diff(new FleetPlan(add, change, remove, unchanged), added, changed, removed);
    }

    private static String describe(BotSpec s) {
        return s.strategy() + " on " + s.symbol() + " " + s.timeframe().label() + ", " + PlanText.number(s.capital()) + " USDT";
    }

    /** "bots[3].params: ..." becomes "bots[3] (ema-btc-15m).params: ...", where the file gives that bot an id. */
    private static String withBotId(String message, String json) {
        Matcher m = BOT_PATH.matcher(message);
        if (!m.find()) return message;
        try {
            JsonNode id = new ObjectMapper().readTree(json).path("bots").path(Integer.parseInt(m.group(1))).path("id");
            if (!id.isTextual() || id.asText().isBlank() || message.contains("'" + id.asText() + "'")) return message;
            return m.group() + " (" + id.asText() + ")" + message.substring(m.end());
        } catch (Exception e) {
            return message;
        }
    }
}
