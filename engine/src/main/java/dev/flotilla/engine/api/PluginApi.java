package dev.flotilla.engine.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Strategy plug-ins: jars in the data folder's {@code plugins/} folder. A jar is loaded only once the operator has
 * approved its SHA-256; a new version of a loaded jar replaces it, each bot using it keeping its position.
 */
public interface PluginApi {

    /** The folder watched, as a path the operator can open. */
    String folder();

    /** Every jar seen, by file name. */
    List<PluginView> plugins();

    /**
     * Approves the jar now in the folder under that name, if its SHA-256 is still the one shown, and loads it.
     * Completes with the jar's view once loaded, or exceptionally with one message saying why not.
     */
    CompletableFuture<PluginView> approve(String file, String sha256);

    /** Leaves a jar unloaded for this session; it is asked about again when it changes. */
    void refuse(String file, String sha256);
}
