package dev.flotilla.engine.secrets;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;
import dev.flotilla.engine.secrets.KeyVault.KeyVaultException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The entry through java-keyring: the macOS Keychain, the Windows Credential Manager or a Secret Service (GNOME
 * Keyring, KWallet) over D-Bus, reached in process through JNA. A keyring is opened for each use and closed again,
 * so no D-Bus connection outlives the call.
 */
final class KeyringEntry implements Entry {

    /** What java-keyring's backends say when there is no entry (it has no other way of telling). */
    private static final List<String> NOT_FOUND = List.of("no stored credentials match", "password not found",
            "error code 1168", "is not in wallet", "no password to delete");

    private final KeyringStorageType type;
    private final String account;

    private KeyringEntry(KeyringStorageType type, String account) {
        this.type = type;
        this.account = account;
    }

    @Override
    public Entry forAccount(String account, String label) {
        return new KeyringEntry(type, account);
    }

    /** The backend java-keyring finds on this machine. */
    static KeyringEntry open() throws BackendNotSupportedException {
        try (Keyring k = Keyring.create()) {
            return new KeyringEntry(k.getKeyringStorageType(), ACCOUNT);
        } catch (BackendNotSupportedException e) {
            throw e;
        } catch (Exception e) {  // close() declares Exception
            throw new BackendNotSupportedException(e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String name() {
        return switch (type) {
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
            case GNOME_KEYRING -> "Secret Service (GNOME Keyring)";
            case KWALLET -> "KDE Wallet";
        };
    }

    @Override
    public Optional<String> read() {
        try (Keyring k = Keyring.create(type)) {
            return Optional.ofNullable(k.getPassword(SERVICE, account)).filter(s -> !s.isBlank());
        } catch (PasswordAccessException e) {
            if (notFound(e)) return Optional.empty();
            throw failure("read", e);
        } catch (Exception e) {
            throw failure("read", e);
        }
    }

    @Override
    public void write(String text) {
        try (Keyring k = Keyring.create(type)) {
            k.setPassword(SERVICE, account, text);
        } catch (Exception e) {
            throw failure("write", e, text);
        }
    }

    @Override
    public void delete() {
        try (Keyring k = Keyring.create(type)) {
            k.deletePassword(SERVICE, account);
        } catch (PasswordAccessException e) {
            if (!notFound(e)) throw failure("delete", e);
        } catch (Exception e) {
            throw failure("delete", e);
        }
    }

    private static boolean notFound(PasswordAccessException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return NOT_FOUND.stream().anyMatch(m::contains);
    }

    /** The library's own message, with anything the call was given taken out; the cause is not kept (it may hold more). */
    private KeyVaultException failure(String what, Exception e, String... given) {
        return new KeyVaultException("the " + name() + " could not " + what + " the " + account + " entry: "
                + Redact.of(e.getClass().getSimpleName() + " " + e.getMessage(), given));
    }
}
