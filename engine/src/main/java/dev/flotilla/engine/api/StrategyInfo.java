package dev.flotilla.engine.api;

import dev.flotilla.engine.strategy.ParamSpec;
import java.util.List;

/** A strategy type a bot can use, with its parameters, their ranges and defaults. */
public record StrategyInfo(String id, String displayName, List<ParamSpec> params) {
}
