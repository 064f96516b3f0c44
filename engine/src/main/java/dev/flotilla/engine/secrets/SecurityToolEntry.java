package dev.flotilla.engine.secrets;

import dev.flotilla.engine.secrets.KeyVault.KeyVaultException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The entry through macOS's own {@code security} tool, for a Mac where java-keyring cannot load its native
 * library. {@code add-generic-password -w} with no value reads the password through readpassphrase, which takes the
 * terminal over standard input, so the secret cannot be piped to it; instead the whole command goes to
 * {@code security -i} on standard input, with the password as hexadecimal ({@code -X}), which needs no quoting. The
 * write is read back and compared, since {@code security -i} need not report a failed command in its exit code.
 */
final class SecurityToolEntry implements Entry {

    static final String TOOL = "security";
    /** errSecItemNotFound, as {@code security} exits with it. */
    static final int NOT_FOUND = 44;

    private final Commands commands;
    private final Path tool;
    private final String account;
    private final String label;

    private SecurityToolEntry(Commands commands, Path tool, String account, String label) {
        this.commands = commands;
        this.tool = tool;
        this.account = account;
        this.label = label;
    }

    @Override
    public Entry forAccount(String account, String label) {
        return new SecurityToolEntry(commands, tool, account, label);
    }

    /** The tool, when it is there and the login keychain answers (found, or not found). */
    static Entry probe(Commands commands, List<String> tried) {
        Optional<Path> tool = commands.find(TOOL);
        if (tool.isEmpty()) {
            tried.add(TOOL + ": not found on the PATH (it is /usr/bin/security on every Mac)");
            return null;
        }
        SecurityToolEntry e = new SecurityToolEntry(commands, tool.get(), ACCOUNT, LABEL);
        Commands.Result r = e.exists();
        if (r.ok() || r.exit() == NOT_FOUND) return e;
        tried.add(TOOL + ": " + Commands.failure(TOOL, r));
        return null;
    }

    @Override
    public String name() {
        return "macOS Keychain (security)";
    }

    /** Finds the item without its password (no -w), so only its attributes come through the pipe. */
    private Commands.Result exists() {
        return commands.run(tool, List.of("find-generic-password", "-s", SERVICE, "-a", account), null);
    }

    @Override
    public Optional<String> read() {
        Commands.Result r = commands.run(tool, List.of("find-generic-password", "-s", SERVICE, "-a", account, "-w"), null);
        if (r.exit() == NOT_FOUND) return Optional.empty();
        if (!r.ok()) throw new KeyVaultException(Commands.failure(TOOL + " find-generic-password", r, r.out()));
        String text = r.out().strip();
        // security prints a password that is not plain text as hexadecimal
        if (!text.startsWith("{") && text.matches("(?i)([0-9a-f]{2})+")) {
            text = new String(HexFormat.of().parseHex(text), StandardCharsets.UTF_8);
        }
        return Optional.of(text).filter(s -> !s.isEmpty());
    }

    @Override
    public void write(String text) {
        String hex = HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
        String line = "add-generic-password -U -s " + SERVICE + " -a " + account + " -l \"" + label + "\" -X " + hex + "\n";
        Commands.Result r = commands.run(tool, List.of("-i"), line);
        if (!r.ok()) throw new KeyVaultException(Commands.failure(TOOL + " add-generic-password", r, text, hex));
        if (!read().filter(text::equals).isPresent()) {
            throw new KeyVaultException("the macOS Keychain did not keep the " + account + " entry: " + Redact.of(r.err() + " " + r.out(), text, hex));
        }
    }

    @Override
    public void delete() {
        Commands.Result r = commands.run(tool, List.of("delete-generic-password", "-s", SERVICE, "-a", account), null);
        if (!r.ok() && r.exit() != NOT_FOUND) throw new KeyVaultException(Commands.failure(TOOL + " delete-generic-password", r));
    }
}
