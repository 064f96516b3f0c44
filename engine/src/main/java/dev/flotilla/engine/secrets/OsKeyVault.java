package dev.flotilla.engine.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange keys in the operating system's keychain: through java-keyring first (macOS Keychain, Windows
 * Credential Manager, a Secret Service over D-Bus), else through the OS's own tool ({@code security} on macOS,
 * {@code secret-tool} on Linux). Which one is decided once, on first use, and {@link #describe()} names it. The key
 * and the secret are one entry (service "Flotilla", account "binance", JSON), so they are saved and removed together.
 */
public final class OsKeyVault implements KeyVault {

    private static final Logger log = LoggerFactory.getLogger(OsKeyVault.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Opens java-keyring's backend; a test gives one that fails, or one in memory. */
    @FunctionalInterface
    interface Keyrings {
        Entry open() throws Exception;
    }

    static final Keyrings JAVA_KEYRING = KeyringEntry::open;

    private final String os;
    private final Commands commands;
    private final Keyrings keyrings;
    private Entry entry;
    private String unavailable;

    /** The keychain of this machine, the OS's tools looked up on this process's PATH. */
    public static OsKeyVault system() {
        return new OsKeyVault(System.getProperty("os.name", ""), System.getenv(), JAVA_KEYRING);
    }

    /**
     * @param os       the OS's name as {@code os.name} gives it (which tool is the fallback)
     * @param env      the environment whose PATH holds the tools
     * @param keyrings java-keyring, or null not to try it
     */
    OsKeyVault(String os, Map<String, String> env, Keyrings keyrings) {
        this.os = os.toLowerCase(Locale.ROOT);
        this.commands = new Commands(env);
        this.keyrings = keyrings;
    }

    /** The keychain's entry, decided on first use; null (and {@link #unavailable} says why) when there is none. */
    private synchronized Entry entry() {
        if (entry != null || unavailable != null) return entry;
        List<String> tried = new ArrayList<>();
        if (keyrings != null) {
            try {
                entry = keyrings.open();
            } catch (Exception | LinkageError e) {  // BackendNotSupportedException; JNA's native library missing
                String why = Redact.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                tried.add("java-keyring: " + why);
                log.info("java-keyring reaches no keychain here ({}); trying the system's own tool", why);
            }
        }
        if (entry == null) {
            if (os.contains("mac")) entry = SecurityToolEntry.probe(commands, tried);
            else if (os.contains("win")) tried.add("no second way to the Windows Credential Manager: PowerShell has no "
                    + "command for it without an extra module, and Flotilla installs none");
            else entry = SecretToolEntry.probe(commands, tried);
        }
        if (entry != null) {
            log.info("exchange keys are kept in the {}", entry.name());
        } else {
            unavailable = "No keychain could keep the exchange keys (tried " + String.join("; ", tried) + "). On a "
                    + "machine without one, set " + EnvKeys.API_KEY + " and " + EnvKeys.SECRET + " (or " + EnvKeys.SECRET_FILE
                    + ", naming a file that holds the secret) in Flotilla's environment instead.";
            log.warn(unavailable);
        }
        return entry;
    }

    /** Another entry (service "Flotilla", this account) of the keychain the keys use, or null when there is none. */
    synchronized Entry entryFor(String account, String label) {
        Entry e = entry();
        return e == null ? null : e.forAccount(account, label);
    }

    /** Why no keychain can be used, or empty when one can. */
    public Optional<String> unavailable() {
        entry();
        return Optional.ofNullable(unavailable);
    }

    /** No keys when there is no keychain: nothing can have been kept in it. */
    @Override
    public synchronized Optional<ApiKeys> load() {
        Entry e = entry();
        if (e == null) return Optional.empty();
        return e.read().map(text -> decode(text, e.name()));
    }

    @Override
    public synchronized void save(ApiKeys keys) {
        Entry e = entry();
        if (e == null) throw new KeyVaultException(unavailable);
        e.write(encode(keys));
        log.info("exchange keys {} saved in the {}", keys.maskedKey(), e.name());
    }

    @Override
    public synchronized void delete() {
        Entry e = entry();
        if (e == null) return;
        e.delete();
        log.info("exchange keys removed from the {}", e.name());
    }

    @Override
    public String describe() {
        Entry e = entry();
        return e == null ? "no keychain (none could be reached)" : e.name();
    }

    static String encode(ApiKeys keys) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("apiKey", keys.apiKey());
        m.put("secret", keys.secret());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the keys could not be written as JSON");
        }
    }

    /** The entry's JSON; a parser's message is never passed on (it may quote the text). */
    static ApiKeys decode(String text, String where) {
        try {
            JsonNode n = JSON.readTree(text);
            if (n != null && n.path("apiKey").isTextual() && n.path("secret").isTextual()) {
                return new ApiKeys(n.get("apiKey").asText(), n.get("secret").asText());
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // falls through to the message below
        }
        throw new KeyVaultException("the " + where + " holds an entry " + Entry.SERVICE + "/" + Entry.ACCOUNT
                + " that is not Flotilla's keys; forget the keys and enter them again");
    }
}
