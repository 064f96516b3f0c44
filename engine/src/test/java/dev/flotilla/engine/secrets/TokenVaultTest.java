package dev.flotilla.engine.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.secrets.KeyVault.KeyVaultException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Telegram token: its own keychain entry beside the exchange keys, or the environment variable. */
class TokenVaultTest {

    static final String TOKEN = "7654321:AAHsecretTelegramTokenValue_0123";

    @Test
    void theTokenIsItsOwnEntryBesideTheExchangeKeys() {
        OsKeyVaultTest.MemoryEntry memory = new OsKeyVaultTest.MemoryEntry();
        OsKeyVault keychain = new OsKeyVault("Linux", Map.of("PATH", ""), () -> memory);
        keychain.save(new ApiKeys(EnvKeysTest.KEY, EnvKeysTest.HMAC));
        TokenVault vault = TokenVault.of(Map.of(), keychain);
        assertThat(vault.load()).isEmpty();
        vault.save(TOKEN);
        assertThat(vault.load()).contains(TOKEN);
        assertThat(memory.others.get(TokenVault.ACCOUNT).text).isEqualTo(TOKEN);
        assertThat(keychain.load()).contains(new ApiKeys(EnvKeysTest.KEY, EnvKeysTest.HMAC));
        vault.delete();
        assertThat(vault.load()).isEmpty();
        assertThat(keychain.load()).isPresent();
        assertThat(vault.describe()).isEqualTo("memory");
    }

    @Test
    void theEnvironmentWinsAndIsReadOnly() {
        OsKeyVaultTest.MemoryEntry memory = new OsKeyVaultTest.MemoryEntry();
        TokenVault vault = TokenVault.of(Map.of(TokenVault.ENV, " " + TOKEN + "\n"),
                new OsKeyVault("Linux", Map.of("PATH", ""), () -> memory));
        assertThat(vault.load()).contains(TOKEN);
        assertThat(vault.toString()).doesNotContain(TOKEN);
        assertThatThrownBy(() -> vault.save("x")).isInstanceOf(KeyVaultException.class).hasMessageNotContaining(TOKEN);
        assertThat(vault.describe()).contains(TokenVault.ENV);
    }

    @Test
    void withoutAKeychainThereIsNoTokenAndSavingSaysWhatToDo() {
        TokenVault vault = TokenVault.of(Map.of(), new OsKeyVault("Linux", Map.of("PATH", ""), null));
        assertThat(vault.load()).isEmpty();
        assertThatThrownBy(() -> vault.save(TOKEN)).isInstanceOf(KeyVaultException.class)
                .hasMessageContaining(TokenVault.ENV).hasMessageNotContaining(TOKEN);
    }
}
