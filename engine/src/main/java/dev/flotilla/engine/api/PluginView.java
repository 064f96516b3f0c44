package dev.flotilla.engine.api;

import java.util.List;

/**
 * A jar in the plug-in folder as the console shows it.
 *
 * @param strategies the strategy ids it brings (when loaded)
 * @param detail     why it failed, or what happened last, in one sentence
 */
public record PluginView(String file, String sha256, Status status, List<String> strategies, String detail) {

    public PluginView {
        strategies = List.copyOf(strategies);
    }

    public enum Status { AWAITING_APPROVAL, LOADED, FAILED, REFUSED }
}
