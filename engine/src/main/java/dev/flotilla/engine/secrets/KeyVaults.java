package dev.flotilla.engine.secrets;

import java.util.Map;

/** Where this process keeps its exchange keys: environment variables when they are set, else the OS keychain. */
public final class KeyVaults {

    private KeyVaults() {
    }

    /** For this process: its environment, and the machine's keychain. */
    public static KeyVault system() {
        return of(System.getenv(), System.getProperty("os.name", ""), true);
    }

    /**
     * The same on a given environment (its FLOTILLA_BINANCE_* variables, and the PATH the keychain tools are looked up
     * on), for tests that put a fake {@code secret-tool} first on the PATH.
     *
     * @param os             the OS's name as {@code os.name} gives it
     * @param tryJavaKeyring false to skip java-keyring (which would reach the real keychain of the machine)
     */
    public static KeyVault of(Map<String, String> env, String os, boolean tryJavaKeyring) {
        if (EnvKeys.present(env)) return new EnvKeys(env);
        return new OsKeyVault(os, env, tryJavaKeyring ? OsKeyVault.JAVA_KEYRING : null);
    }
}
