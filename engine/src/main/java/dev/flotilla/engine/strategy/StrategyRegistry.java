package dev.flotilla.engine.strategy;

import dev.flotilla.strategy.Strategy;
import dev.flotilla.strategy.StrategyType;
import dev.flotilla.strategy.ParamSpec;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.stream.Collectors;

/**
 * The strategy types the engine knows, by id, and the one gate their parameters pass through. Nothing else
 * in the engine names a concrete type, so a new strategy is one class plus one line in the services file that
 * {@link #builtin()} reads.
 */
public final class StrategyRegistry {

    /**
     * The longest warm-up a strategy may need: a first start backfills this many candles, so every type's warm-up
     * must fit inside it. A feed's series holds more (see the fleet's FeedBars), so indicators read past it.
     */
    public static final int MAX_WINDOW = 300;

    private final SequencedMap<String, StrategyType> types = new LinkedHashMap<>();
    /** The types each plug-in jar brings, by jar name: replaced whole when a jar's new version is installed. */
    private volatile Map<String, List<StrategyType>> plugins = Map.of();

    public StrategyRegistry(List<StrategyType> types) {
        for (StrategyType type : types) {
            if (this.types.putIfAbsent(type.id(), type) != null) {
                throw new IllegalArgumentException("strategy '" + type.id() + "' is registered twice");
            }
        }
    }

    /**
     * The types listed in {@code META-INF/services/dev.flotilla.strategy.StrategyType}, in the order listed:
     * the six built-in ones, and any a jar on the class path adds. The registry itself names no concrete type.
     */
    public static StrategyRegistry builtin() {
        List<StrategyType> found = new java.util.ArrayList<>();
        java.util.ServiceLoader.load(StrategyType.class, StrategyRegistry.class.getClassLoader()).forEach(found::add);
        if (found.isEmpty()) throw new IllegalStateException("no strategy type is registered");
        return new StrategyRegistry(found);
    }

    public StrategyType type(String id) {
        StrategyType type = types.get(id);
        if (type != null) return type;
        for (List<StrategyType> jar : plugins.values()) {
            for (StrategyType t : jar) if (t.id().equals(id)) return t;
        }
        List<String> allowed = types().stream().map(StrategyType::id).toList();
        throw new IllegalArgumentException("unknown strategy '" + id + "' (neither built in nor in an approved plug-in);"
                + " allowed: " + String.join(", ", allowed));
    }

    /** The built-in types, then those of each plug-in jar installed. */
    public Collection<StrategyType> types() {
        List<StrategyType> all = new java.util.ArrayList<>(types.values());
        plugins.values().forEach(all::addAll);
        return Collections.unmodifiableList(all);
    }

    /** The jar a strategy comes from, or null for a built-in one (or an unknown id). */
    public synchronized String source(String id) {
        for (var jar : plugins.entrySet()) {
            for (StrategyType t : jar.getValue()) if (t.id().equals(id)) return jar.getKey();
        }
        return null;
    }

    /**
     * Installs the types of a plug-in jar in place of those its earlier version brought (if any). A type whose id is
     * built in or brought by another jar is refused, and then nothing changes.
     *
     * @throws IllegalArgumentException naming the strategy and both sources
     */
    public synchronized void install(String jar, List<StrategyType> jarTypes) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (StrategyType t : jarTypes) {
            if (!ids.add(t.id())) throw new IllegalArgumentException(jar + " has two strategies named '" + t.id() + "'");
            if (types.containsKey(t.id())) {
                throw new IllegalArgumentException(jar + ": strategy '" + t.id() + "' is a built-in strategy's name");
            }
            String other = source(t.id());
            if (other != null && !other.equals(jar)) {
                throw new IllegalArgumentException("two plug-ins with one strategy name: '" + t.id() + "' is in " + other
                        + " and in " + jar + "; remove one of them");
            }
        }
        Map<String, List<StrategyType>> next = new LinkedHashMap<>(plugins);
        next.put(jar, List.copyOf(jarTypes));
        plugins = Collections.unmodifiableMap(next);
    }

    /**
     * The full parameter map of a strategy: the given values checked against their ranges and the type's
     * cross-field rules, defaults for the rest, in the type's declared order.
     *
     * @throws IllegalArgumentException naming the offending parameter and what is allowed
     */
    public Map<String, Double> resolve(String id, Map<String, Double> given) {
        StrategyType type = type(id);
        Map<String, Double> supplied = given == null ? Map.of() : given;
        Map<String, ParamSpec> specs = type.params().stream()
                .collect(Collectors.toMap(ParamSpec::name, p -> p, (a, b) -> a, LinkedHashMap::new));
        for (String name : supplied.keySet()) {
            if (!specs.containsKey(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "' for strategy '" + id
                        + "'; allowed: " + String.join(", ", specs.keySet()));
            }
        }
        Map<String, Double> resolved = new LinkedHashMap<>();
        for (ParamSpec spec : specs.values()) {
            Double value = supplied.containsKey(spec.name()) ? supplied.get(spec.name()) : Double.valueOf(spec.defaultValue());
            String problem = value == null ? "parameter '" + spec.name() + "' has no value" : spec.check(value);
            if (problem != null) {
                throw new IllegalArgumentException(problem + " (strategy '" + id + "')");
            }
            resolved.put(spec.name(), value);
        }
        Map<String, Double> view = Collections.unmodifiableMap(resolved);
        type.validate(view);
        // a safety net for a type whose ranges were widened without minding the window
        int warmup = type.warmupBars(view);
        if (warmup > MAX_WINDOW) {
            throw new IllegalArgumentException("strategy '" + id + "' with " + view + " needs " + warmup
                    + " bars of history; at most " + MAX_WINDOW + " are available");
        }
        return view;
    }

    /** Makes a bot's strategy; the parameters are resolved again so no unchecked map reaches a type. */
    public Strategy create(String id, Map<String, Double> resolvedParams) {
        StrategyType type = type(id);
        Map<String, Double> params = resolve(id, resolvedParams);
        String jar = source(id);
        if (jar == null) return type.create(params);
        return new Guarded(jar, Guarded.call(jar, () -> type.create(params)));
    }

    /** The bars a strategy needs before it decides, for a parameter map as {@link #resolve} accepts it. */
    public int warmupBars(String id, Map<String, Double> params) {
        return type(id).warmupBars(resolve(id, params));
    }
}
