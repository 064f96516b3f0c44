package dev.flotilla.engine.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.javakeyring.BackendNotSupportedException;
import dev.flotilla.engine.secrets.KeyVault.KeyVaultException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fake tools are shell scripts")
class OsKeyVaultTest {

    static final String KEY = EnvKeysTest.KEY;
    static final String HMAC = EnvKeysTest.HMAC;
    static final String PEM = EnvKeysTest.PEM.strip();
    /** A piece of the PEM body the fake tools refuse to find among their arguments. */
    static final String PEM_PIECE = "MC4CAQAwBQYDK2Vw";

    static final OsKeyVault.Keyrings NO_KEYRING = () -> {
        throw new BackendNotSupportedException("No available keyring backend found");
    };

    @TempDir
    Path dir;

    @Test
    void withoutJavaKeyringTheKeysGoThroughSecretToolOnStdinAndComeBack() throws Exception {
        FakeTools tools = new FakeTools(dir).secretTool(HMAC.substring(0, 12));
        OsKeyVault vault = new OsKeyVault("Linux", tools.env(), NO_KEYRING);
        assertThat(vault.describe()).isEqualTo("Secret Service (secret-tool)");
        assertThat(vault.load()).isEmpty();

        vault.save(new ApiKeys(KEY, HMAC));
        assertThat(Files.readString(tools.value())).as("one entry holding both")
                .isEqualTo("{\"apiKey\":\"" + KEY + "\",\"secret\":\"" + HMAC + "\"}");
        assertThat(vault.load()).contains(new ApiKeys(KEY, HMAC));
        assertThat(tools.argv()).doesNotContain(HMAC).doesNotContain(KEY)
                .contains("store --label=Flotilla: Binance API keys service Flotilla account binance")
                .contains("lookup service Flotilla account binance");

        vault.delete();
        assertThat(vault.load()).isEmpty();
        assertThat(tools.argv()).contains("clear service Flotilla account binance");
        vault.delete();  // nothing kept: nothing happens
    }

    @Test
    void theFakeToolRefusesASecretAmongItsArguments() throws Exception {
        FakeTools tools = new FakeTools(dir).secretTool(HMAC.substring(0, 12));
        Process p = new ProcessBuilder(dir.resolve("secret-tool").toString(), "store", "password=" + HMAC).start();
        assertThat(p.waitFor()).isEqualTo(97);
        assertThat(tools.value()).doesNotExist();
    }

    @Test
    void anEd25519PemSurvivesTheRoundTrip() throws Exception {
        FakeTools tools = new FakeTools(dir).secretTool(PEM_PIECE);
        OsKeyVault vault = new OsKeyVault("Linux", tools.env(), NO_KEYRING);
        vault.save(new ApiKeys(KEY, PEM));
        ApiKeys back = vault.load().orElseThrow();
        assertThat(back.secret()).isEqualTo(PEM);
        assertThat(back.kind()).isEqualTo(ApiKeys.Kind.ED25519);
    }

    @Test
    void onAMacTheSecurityToolGetsTheCommandOnStdinWithThePasswordInHex() throws Exception {
        FakeTools tools = new FakeTools(dir).security(PEM_PIECE);
        OsKeyVault vault = new OsKeyVault("Mac OS X", tools.env(), NO_KEYRING);
        assertThat(vault.describe()).isEqualTo("macOS Keychain (security)");
        vault.save(new ApiKeys(KEY, PEM));
        assertThat(vault.load()).contains(new ApiKeys(KEY, PEM));
        assertThat(tools.argv()).doesNotContain(PEM_PIECE).doesNotContain(KEY).contains("-i");
        assertThat(Files.readString(dir.resolve("command")))
                .startsWith("add-generic-password -U -s Flotilla -a binance -l \"Flotilla: Binance API keys\" -X 7b22");
        vault.delete();
        assertThat(vault.load()).isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theRealJavaKeyringWithoutASecretServiceFallsBackToTheTool() throws Exception {
        assumeTrue(System.getenv("DBUS_SESSION_BUS_ADDRESS") == null, "this machine has a D-Bus session: its keychain may be real");
        FakeTools tools = new FakeTools(dir).secretTool(HMAC.substring(0, 12));
        OsKeyVault vault = new OsKeyVault("Linux", tools.env(), OsKeyVault.JAVA_KEYRING);
        assertThat(vault.describe()).isEqualTo("Secret Service (secret-tool)");
        vault.save(new ApiKeys(KEY, HMAC));
        assertThat(vault.load()).contains(new ApiKeys(KEY, HMAC));
    }

    @Test
    void aWorkingJavaKeyringIsUsedAndTheToolsAreNot() throws Exception {
        FakeTools tools = new FakeTools(dir).secretTool("never");
        MemoryEntry memory = new MemoryEntry();
        OsKeyVault vault = new OsKeyVault("Linux", tools.env(), () -> memory);
        vault.save(new ApiKeys(KEY, HMAC));
        assertThat(memory.text).contains(HMAC);
        assertThat(vault.load()).contains(new ApiKeys(KEY, HMAC));
        assertThat(vault.describe()).isEqualTo("memory");
        assertThat(tools.argv()).isEmpty();
    }

    @Test
    void theBackendIsDecidedOnce() throws Exception {
        int[] opened = {0};
        OsKeyVault vault = new OsKeyVault("Linux", Map.of("PATH", ""), () -> {
            opened[0]++;
            return new MemoryEntry();
        });
        vault.describe();
        vault.load();
        vault.save(new ApiKeys(KEY, HMAC));
        assertThat(opened[0]).isEqualTo(1);
    }

    @Test
    void withNothingAvailableSavingSaysWhatWasTriedAndPointsToTheVariables() throws Exception {
        FakeTools tools = new FakeTools(dir).secretToolWithoutService();
        OsKeyVault vault = new OsKeyVault("Linux", tools.env(), NO_KEYRING);
        assertThat(vault.load()).as("no keychain, so nothing kept in one").isEmpty();
        assertThat(vault.describe()).isEqualTo("no keychain (none could be reached)");
        assertThatThrownBy(() -> vault.save(new ApiKeys(KEY, HMAC))).isInstanceOf(KeyVaultException.class)
                .hasMessage("No keychain could keep the exchange keys (tried java-keyring: No available keyring backend found; "
                        + "secret-tool: secret-tool failed (exit 1): secret-tool: Cannot autolaunch D-Bus without X11 $DISPLAY). "
                        + "On a machine without one, set FLOTILLA_BINANCE_API_KEY and FLOTILLA_BINANCE_SECRET (or "
                        + "FLOTILLA_BINANCE_SECRET_FILE, naming a file that holds the secret) in Flotilla's environment instead.")
                .hasMessageNotContaining(HMAC);
        assertThat(vault.unavailable()).isPresent();
    }

    @Test
    void withoutSecretToolTheMessageSaysWhatToInstall() {
        OsKeyVault vault = new OsKeyVault("Linux", Map.of("PATH", dir.toString()), NO_KEYRING);
        assertThat(vault.unavailable().orElseThrow())
                .contains("secret-tool: not installed (Debian and Ubuntu: apt install libsecret-tools)")
                .contains("FLOTILLA_BINANCE_API_KEY");
    }

    @Test
    void onWindowsWithoutJavaKeyringTheMessageSaysThereIsNoSecondWay() {
        OsKeyVault vault = new OsKeyVault("Windows 11", Map.of("PATH", dir.toString()), NO_KEYRING);
        assertThat(vault.unavailable().orElseThrow()).contains("no second way to the Windows Credential Manager")
                .contains("FLOTILLA_BINANCE_SECRET_FILE");
    }

    @Test
    void aToolThatEchoesItsInputIntoItsErrorsHasItTakenOut() throws Exception {
        FakeTools tools = new FakeTools(dir).secretToolEchoingInput();
        OsKeyVault vault = new OsKeyVault("Linux", tools.env(), NO_KEYRING);
        assertThatThrownBy(() -> vault.save(new ApiKeys(KEY, PEM))).isInstanceOf(KeyVaultException.class)
                .hasMessageStartingWith("secret-tool store failed (exit 1): could not store:")
                .hasMessageNotContaining(PEM_PIECE).hasMessageNotContaining(KEY).hasMessageNotContaining("PRIVATE KEY-----\\n");
    }

    @Test
    void anEntryThatIsNotFlotillasIsRefusedWithoutQuotingIt() {
        MemoryEntry memory = new MemoryEntry();
        memory.text = "not json " + HMAC;
        OsKeyVault vault = new OsKeyVault("Linux", Map.of(), () -> memory);
        assertThatThrownBy(vault::load).isInstanceOf(KeyVaultException.class)
                .hasMessage("the memory holds an entry Flotilla/binance that is not Flotilla's keys; forget the keys and enter them again");
        memory.text = "{\"apiKey\": \"" + KEY + "\", \"secret\": 5}";
        assertThatThrownBy(vault::load).hasMessageNotContaining(KEY);
    }

    /** A keychain in memory, standing in for java-keyring's. */
    static final class MemoryEntry implements Entry {
        String text;

        @Override
        public String name() {
            return "memory";
        }

        @Override
        public Optional<String> read() {
            return Optional.ofNullable(text);
        }

        @Override
        public void write(String t) {
            text = t;
        }

        @Override
        public void delete() {
            text = null;
        }

        /** Another account of the same keychain: another entry in memory, kept so a test can look at it. */
        final Map<String, MemoryEntry> others = new java.util.HashMap<>();

        @Override
        public Entry forAccount(String account, String label) {
            return others.computeIfAbsent(account, a -> new MemoryEntry());
        }
    }
}
