package dev.flotilla.engine.secrets;

import java.util.Optional;

/**
 * Where the exchange keys are kept: the operating system's keychain (never the data folder), or, on a headless server
 * without one, environment variables. Implementations never put a secret in a log line or an exception message.
 */
public interface KeyVault {

    /** The stored keys, if any. */
    Optional<ApiKeys> load();

    /**
     * Stores the keys, replacing any kept before.
     *
     * @throws KeyVaultException when no keychain can be written (the message says which were tried and how to fix it)
     */
    void save(ApiKeys keys);

    /** Removes the stored keys; nothing happens when there are none. */
    void delete();

    /** Where the keys are kept, for the console and the log ("macOS Keychain", "environment variables", ...). */
    String describe();

    /** No keychain could be used. The message never holds a secret. */
    final class KeyVaultException extends RuntimeException {
        public KeyVaultException(String message) {
            super(message);
        }
    }
}
