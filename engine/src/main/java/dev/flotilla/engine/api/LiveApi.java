package dev.flotilla.engine.api;

import java.util.List;

/**
 * Live trading's keys and account, for the console: the keys are entered in a dialog, tested against the exchange's
 * account endpoint and kept in the OS keychain. Nothing here returns or logs a secret.
 */
public interface LiveApi {

    /** What a test of keys against the exchange found. */
    record KeyCheck(boolean ok, boolean canTrade, boolean canWithdraw, List<String> balances, String message) {
        public KeyCheck {
            balances = List.copyOf(balances);
        }

        /** Keys that work, may trade and may not withdraw: the only ones Flotilla keeps. */
        public boolean acceptable() {
            return ok && canTrade && !canWithdraw;
        }
    }

    /** Asks the exchange's account endpoint with these keys (on the caller's thread: call it off the FX thread). */
    KeyCheck check(String apiKey, String secret);

    /**
     * Tests the keys and keeps them in the keychain if {@link KeyCheck#acceptable()}; refused keys are not kept.
     *
     * @return the test's result
     */
    KeyCheck save(String apiKey, String secret);

    /** Whether keys are kept, and where ("macOS Keychain", ...), or null when there are none. */
    String keysKeptIn();

    /** The key as it may be shown (first and last characters), or null. */
    String maskedKey();

    /** Forgets the kept keys. */
    void forget();
}
