package dev.flotilla.app;

import dev.flotilla.engine.secrets.KeyVault;

/** Where a live start finds the exchange keys. */
final class LiveKeys {

    private LiveKeys() {
    }

    static KeyVault vault() {
        return dev.flotilla.engine.secrets.KeyVaults.system();
    }
}
