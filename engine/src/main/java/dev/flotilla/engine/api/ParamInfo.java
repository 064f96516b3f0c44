package dev.flotilla.engine.api;



/**
 * One named parameter of a strategy type, as the bot form shows it; the engine checks a typed value (see
 * {@link BotCheck}).
 *
 * @param integer whether only whole numbers are allowed (periods)
 */
public record ParamInfo(String name, String description, double min, double max, double defaultValue, boolean integer) {
}
