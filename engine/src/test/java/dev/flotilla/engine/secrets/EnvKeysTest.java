package dev.flotilla.engine.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.secrets.KeyVault.KeyVaultException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvKeysTest {

    static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String HMAC = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    static final String PEM = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIJ3v9Bf5n3Ykc3n1k3qV9n2Qp2GJ0m1nJ1y0o9s8p7xQ
            -----END PRIVATE KEY-----
            """;

    @TempDir
    Path dir;

    @Test
    void theKeyAndAnHmacSecretComeFromTheVariables() {
        EnvKeys env = new EnvKeys(Map.of(EnvKeys.API_KEY, KEY, EnvKeys.SECRET, " " + HMAC + "\n"));
        ApiKeys keys = env.load().orElseThrow();
        assertThat(keys.apiKey()).isEqualTo(KEY);
        assertThat(keys.secret()).isEqualTo(HMAC);
        assertThat(keys.kind()).isEqualTo(ApiKeys.Kind.HMAC);
        assertThat(env.describe()).isEqualTo("environment variables (FLOTILLA_BINANCE_API_KEY, FLOTILLA_BINANCE_SECRET)");
    }

    @Test
    void anEd25519SecretIsReadFromTheFileTheVariableNames() throws Exception {
        Path pem = Files.writeString(dir.resolve("binance-ed25519.pem"), PEM);
        EnvKeys env = new EnvKeys(Map.of(EnvKeys.API_KEY, KEY, EnvKeys.SECRET_FILE, pem.toString()));
        ApiKeys keys = env.load().orElseThrow();
        assertThat(keys.secret()).isEqualTo(PEM.strip());
        assertThat(keys.kind()).isEqualTo(ApiKeys.Kind.ED25519);
        assertThat(env.describe()).contains(EnvKeys.SECRET_FILE);
    }

    @Test
    void noVariablesMeansNoKeys() {
        assertThat(EnvKeys.present(Map.of("PATH", "/usr/bin", EnvKeys.API_KEY, " "))).isFalse();
        assertThat(new EnvKeys(Map.of()).load()).isEmpty();
    }

    @Test
    void incompleteOrContradictoryVariablesSayWhatIsMissing() throws Exception {
        assertThatThrownBy(() -> new EnvKeys(Map.of(EnvKeys.API_KEY, KEY)).load()).isInstanceOf(KeyVaultException.class)
                .hasMessage("FLOTILLA_BINANCE_API_KEY is set, but neither FLOTILLA_BINANCE_SECRET nor FLOTILLA_BINANCE_SECRET_FILE");
        assertThatThrownBy(() -> new EnvKeys(Map.of(EnvKeys.SECRET, HMAC)).load())
                .hasMessage("FLOTILLA_BINANCE_SECRET or FLOTILLA_BINANCE_SECRET_FILE is set, but not FLOTILLA_BINANCE_API_KEY")
                .hasMessageNotContaining(HMAC);
        Path pem = Files.writeString(dir.resolve("k.pem"), PEM);
        assertThatThrownBy(() -> new EnvKeys(Map.of(EnvKeys.API_KEY, KEY, EnvKeys.SECRET, HMAC, EnvKeys.SECRET_FILE,
                pem.toString())).load()).hasMessageContaining("set only one of them");
    }

    @Test
    void aSecretFileThatCannotBeReadIsNamedAndItsContentNeverShown() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> new EnvKeys(Map.of(EnvKeys.API_KEY, KEY, EnvKeys.SECRET_FILE, missing.toString())).load())
                .isInstanceOf(KeyVaultException.class).hasMessage("FLOTILLA_BINANCE_SECRET_FILE names " + missing + ", which is not a file");
        Path big = Files.writeString(dir.resolve("big.pem"), HMAC.repeat(1000));
        assertThatThrownBy(() -> new EnvKeys(Map.of(EnvKeys.API_KEY, KEY, EnvKeys.SECRET_FILE, big.toString())).load())
                .hasMessageContaining("larger than a key can be").hasMessageNotContaining(HMAC);
        Path empty = Files.writeString(dir.resolve("empty.pem"), "\n");
        assertThatThrownBy(() -> new EnvKeys(Map.of(EnvKeys.API_KEY, KEY, EnvKeys.SECRET_FILE, empty.toString())).load())
                .hasMessage("the secret given by FLOTILLA_BINANCE_SECRET_FILE is empty");
    }

    @Test
    void theVariablesAreReadOnly() {
        EnvKeys env = new EnvKeys(Map.of(EnvKeys.API_KEY, KEY, EnvKeys.SECRET, HMAC));
        assertThatThrownBy(() -> env.save(new ApiKeys(KEY, HMAC))).isInstanceOf(KeyVaultException.class)
                .hasMessageContaining("come from environment variables").hasMessageContaining("saves no keys")
                .hasMessageNotContaining(HMAC).hasMessageNotContaining(KEY);
        assertThatThrownBy(env::delete).isInstanceOf(KeyVaultException.class).hasMessageContaining("cannot forget them");
    }

    @Test
    void theVariablesWinOverTheKeychain() {
        KeyVault v = KeyVaults.of(Map.of(EnvKeys.API_KEY, KEY, EnvKeys.SECRET, HMAC, "PATH", ""), "Linux", false);
        assertThat(v).isInstanceOf(EnvKeys.class);
        assertThat(KeyVaults.of(Map.of("PATH", ""), "Linux", false)).isInstanceOf(OsKeyVault.class);
    }
}
