package dev.flotilla.engine.api;

import java.util.List;

/** A strategy type a bot can use, with its parameters, their ranges and defaults. */
public record StrategyInfo(String id, String displayName, List<ParamInfo> params) {
}
