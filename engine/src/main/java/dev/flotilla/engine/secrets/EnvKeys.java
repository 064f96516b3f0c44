package dev.flotilla.engine.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange keys from environment variables, for a headless server without a keychain:
 * {@value #API_KEY} and {@value #SECRET}, or {@value #SECRET_FILE} naming a file that holds the secret (handy for an
 * Ed25519 private key in PEM). Read-only: Flotilla never writes or removes them.
 */
public final class EnvKeys implements KeyVault {

    public static final String API_KEY = "FLOTILLA_BINANCE_API_KEY";
    public static final String SECRET = "FLOTILLA_BINANCE_SECRET";
    public static final String SECRET_FILE = "FLOTILLA_BINANCE_SECRET_FILE";
    /** A secret file larger than this is not a key (someone named the wrong file). */
    static final long MAX_FILE_BYTES = 16 * 1024;

    private static final Logger log = LoggerFactory.getLogger(EnvKeys.class);

    private final Map<String, String> env;

    public EnvKeys(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Whether any of the three variables is set (not blank). */
    public static boolean present(Map<String, String> env) {
        return set(env, API_KEY) || set(env, SECRET) || set(env, SECRET_FILE);
    }

    private static boolean set(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }

    /**
     * @throws KeyVaultException when the variables are set but incomplete, or the secret file cannot be read
     */
    @Override
    public Optional<ApiKeys> load() {
        if (!present(env)) return Optional.empty();
        if (!set(env, API_KEY)) throw new KeyVaultException(SECRET + " or " + SECRET_FILE + " is set, but not " + API_KEY);
        if (set(env, SECRET) && set(env, SECRET_FILE)) {
            throw new KeyVaultException("both " + SECRET + " and " + SECRET_FILE + " are set: set only one of them");
        }
        if (!set(env, SECRET) && !set(env, SECRET_FILE)) {
            throw new KeyVaultException(API_KEY + " is set, but neither " + SECRET + " nor " + SECRET_FILE);
        }
        String secret = set(env, SECRET) ? env.get(SECRET) : readFile(Path.of(env.get(SECRET_FILE).strip()));
        if (secret.isBlank()) throw new KeyVaultException("the secret given by " + (set(env, SECRET) ? SECRET : SECRET_FILE) + " is empty");
        return Optional.of(new ApiKeys(env.get(API_KEY), secret));
    }

    /** The file's text; a failure names the file and the kind of failure, never what was read. */
    private static String readFile(Path file) {
        String named = SECRET_FILE + " names " + file;
        try {
            if (!Files.isRegularFile(file)) throw new KeyVaultException(named + ", which is not a file");
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new KeyVaultException(named + ", which is larger than a key can be (" + MAX_FILE_BYTES + " bytes)");
            }
            warnIfOthersCanRead(file);
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeyVaultException(named + ", which cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void warnIfOthersCanRead(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                log.warn("the secret file {} can be read by other users: chmod 600 it", file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (Windows): its ACLs are the user's business
        }
    }

    @Override
    public void save(ApiKeys keys) {
        throw new KeyVaultException(readOnly("saves no keys"));
    }

    @Override
    public void delete() {
        throw new KeyVaultException(readOnly("cannot forget them"));
    }

    private static String readOnly(String what) {
        return "the exchange keys come from environment variables (" + API_KEY + "), and Flotilla " + what
                + " there: change or unset the variables where Flotilla is started (unset, the OS keychain keeps the keys)";
    }

    @Override
    public String describe() {
        return "environment variables (" + API_KEY + ", " + (set(env, SECRET_FILE) ? SECRET_FILE : SECRET) + ")";
    }
}
