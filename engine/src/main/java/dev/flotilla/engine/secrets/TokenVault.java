package dev.flotilla.engine.secrets;

import dev.flotilla.engine.secrets.KeyVault.KeyVaultException;
import java.util.Map;
import java.util.Optional;

/**
 * Where the Telegram bot's token is kept: the OS keychain, as entry service "Flotilla", account "telegram" (beside the
 * exchange keys, never in the data folder), or the environment variable {@value #ENV} on a headless server. No
 * implementation puts the token in a log line or an exception message.
 */
public interface TokenVault {

    String ENV = "FLOTILLA_TELEGRAM_TOKEN";
    String ACCOUNT = "telegram";

    Optional<String> load();

    /** @throws KeyVaultException when no keychain can be written, or the token comes from the environment */
    void save(String token);

    void delete();

    /** Where the token is kept, for the console. */
    String describe();

    /** For this process: the environment variable when it is set, else the machine's keychain. */
    static TokenVault system() {
        return of(System.getenv(), OsKeyVault.system());
    }

    static TokenVault of(Map<String, String> env, OsKeyVault keychain) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return new FromEnv(fromEnv.strip());
        return new InKeychain(keychain);
    }

    /** The token from {@value #ENV}; read-only. */
    record FromEnv(String token) implements TokenVault {
        @Override
        public Optional<String> load() {
            return Optional.of(token);
        }

        @Override
        public void save(String t) {
            throw new KeyVaultException("the Telegram token comes from " + ENV + ": change it where Flotilla is started");
        }

        @Override
        public void delete() {
            throw new KeyVaultException("the Telegram token comes from " + ENV + ": unset it where Flotilla is started");
        }

        @Override
        public String describe() {
            return "environment variable " + ENV;
        }

        @Override
        public String toString() {
            return "FromEnv[" + ENV + "]";
        }
    }

    /** The token in the keychain the exchange keys use. */
    final class InKeychain implements TokenVault {
        private final OsKeyVault keychain;

        InKeychain(OsKeyVault keychain) {
            this.keychain = keychain;
        }

        private Entry entry() {
            Entry e = keychain.entryFor(ACCOUNT, "Flotilla: Telegram bot token");
            if (e == null) {
                throw new KeyVaultException(keychain.unavailable().orElse("no keychain").replace("the exchange keys", "the Telegram token")
                        + " For the Telegram token, set " + ENV + ".");
            }
            return e;
        }

        @Override
        public Optional<String> load() {
            if (keychain.unavailable().isPresent()) return Optional.empty();
            return entry().read().map(String::strip).filter(s -> !s.isEmpty());
        }

        @Override
        public void save(String token) {
            entry().write(token.strip());
        }

        @Override
        public void delete() {
            if (keychain.unavailable().isPresent()) return;
            entry().delete();
        }

        @Override
        public String describe() {
            return keychain.describe();
        }
    }
}
