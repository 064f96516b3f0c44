package dev.flotilla.engine.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a fleet file: a JSON object with optional "defaults" (capital) and a "bots" array of
 * {id, strategy, symbol, timeframe, params, capital}. Every problem is reported with the field's path.
 */
public final class FleetFile {

    public static final BigDecimal DEFAULT_CAPITAL = new BigDecimal("10000");
    public static final BigDecimal MAX_CAPITAL = new BigDecimal("1000000000");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final StrategyRegistry registry;
    private final Collection<Symbol> symbols;

    public FleetFile(StrategyRegistry registry, Collection<Symbol> symbols) {
        this.registry = registry;
        this.symbols = symbols;
    }

    public List<BotSpec> parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new FleetFileException("fleet file is not valid JSON" + (loc == null ? "" : " at line "
                    + loc.getLineNr() + ", column " + loc.getColumnNr()) + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new FleetFileException("fleet file must be a JSON object with a \"bots\" array");
        BigDecimal defaultCapital = DEFAULT_CAPITAL;
        JsonNode defaults = root.get("defaults");
        if (defaults != null && defaults.has("capital")) defaultCapital = capital(defaults.get("capital"), "defaults.capital");
        JsonNode bots = root.get("bots");
        if (bots == null || !bots.isArray()) throw new FleetFileException("bots: must be an array of bots");
        if (bots.isEmpty()) throw new FleetFileException("bots: the fleet has no bots");
        List<BotSpec> specs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < bots.size(); i++) {
            BotSpec spec = bot(bots.get(i), "bots[" + i + "]", defaultCapital);
            if (!ids.add(spec.id())) throw new FleetFileException("bots[" + i + "].id: duplicate bot id '" + spec.id() + "'");
            specs.add(spec);
        }
        return List.copyOf(specs);
    }

    private BotSpec bot(JsonNode n, String path, BigDecimal defaultCapital) {
        if (!n.isObject()) throw new FleetFileException(path + ": must be an object");
        String id = text(n, path, "id");
        String idProblem = BotIds.problem(id);
        if (idProblem != null) throw new FleetFileException(path + ".id: " + idProblem);
        String strategy = text(n, path, "strategy");
        try {
            registry.type(strategy);
        } catch (IllegalArgumentException e) {
            throw new FleetFileException(path + ".strategy: " + e.getMessage());
        }
        String symbolText = text(n, path, "symbol");
        String symbolProblem = BotRules.symbolProblem(symbolText, symbols);
        if (symbolProblem != null) throw new FleetFileException(path + ".symbol: " + symbolProblem);
        Symbol symbol = Symbol.parse(symbolText);
        Timeframe tf;
        try {
            tf = Timeframe.parse(text(n, path, "timeframe"));
        } catch (IllegalArgumentException e) {
            throw new FleetFileException(path + ".timeframe: " + e.getMessage());
        }
        Map<String, Double> given = new LinkedHashMap<>();
        JsonNode params = n.get("params");
        if (params != null && !params.isNull()) {
            if (!params.isObject()) throw new FleetFileException(path + ".params: must be an object of numbers");
            for (Iterator<Map.Entry<String, JsonNode>> it = params.properties().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isNumber()) {
                    throw new FleetFileException(path + ".params." + e.getKey() + ": must be a number, got " + e.getValue());
                }
                given.put(e.getKey(), e.getValue().doubleValue());
            }
        }
        Map<String, Double> resolved;
        try {
            resolved = registry.resolve(strategy, given);
        } catch (IllegalArgumentException e) {
            throw new FleetFileException(path + ".params: " + e.getMessage());
        }
        BigDecimal capital = n.has("capital") ? capital(n.get("capital"), path + ".capital") : defaultCapital;
        return new BotSpec(id, strategy, symbol, tf, resolved, capital);
    }

    private static String text(JsonNode n, String path, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new FleetFileException(path + "." + field + ": is missing");
        if (!v.isTextual()) throw new FleetFileException(path + "." + field + ": must be a string, got " + v);
        return v.asText();
    }

    private static BigDecimal capital(JsonNode v, String path) {
        if (v == null || !v.isNumber()) throw new FleetFileException(path + ": must be a number of USDT, got " + v);
        BigDecimal c = v.decimalValue();
        String problem = BotRules.capitalProblem(c);
        if (problem != null) throw new FleetFileException(path + ": " + problem);
        return c;
    }
}
