package dev.flotilla.engine.secrets;

import dev.flotilla.engine.secrets.KeyVault.KeyVaultException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The entry through libsecret's {@code secret-tool} (Debian and Ubuntu: libsecret-tools), for a Linux desktop whose
 * Secret Service java-keyring cannot reach. {@code store} reads the secret from its standard input.
 */
final class SecretToolEntry implements Entry {

    static final String TOOL = "secret-tool";
    private final List<String> attributes;
    private final String label;
    private final Commands commands;
    private final Path tool;

    private SecretToolEntry(Commands commands, Path tool, String account, String label) {
        this.commands = commands;
        this.tool = tool;
        this.attributes = List.of("service", SERVICE, "account", account);
        this.label = label;
    }

    @Override
    public Entry forAccount(String account, String label) {
        return new SecretToolEntry(commands, tool, account, label);
    }

    /**
     * The tool, when it is installed and a Secret Service answers it (a lookup that finds nothing exits 1 and says
     * nothing; one that cannot reach the service says why).
     */
    static Entry probe(Commands commands, List<String> tried) {
        Optional<Path> tool = commands.find(TOOL);
        if (tool.isEmpty()) {
            tried.add(TOOL + ": not installed (Debian and Ubuntu: apt install libsecret-tools)");
            return null;
        }
        SecretToolEntry e = new SecretToolEntry(commands, tool.get(), ACCOUNT, LABEL);
        Commands.Result r = e.lookup();
        if (r.ok() || (r.exit() == 1 && r.err().isBlank())) return e;
        tried.add(TOOL + ": " + Commands.failure(TOOL, r, r.out()));
        return null;
    }

    @Override
    public String name() {
        return "Secret Service (secret-tool)";
    }

    private Commands.Result lookup() {
        return commands.run(tool, args("lookup"), null);
    }

    @Override
    public Optional<String> read() {
        Commands.Result r = lookup();
        if (r.ok()) return Optional.of(r.out().strip()).filter(s -> !s.isEmpty());
        if (r.exit() == 1 && r.err().isBlank()) return Optional.empty();
        throw new KeyVaultException(Commands.failure(TOOL + " lookup", r, r.out()));
    }

    @Override
    public void write(String text) {
        List<String> args = new java.util.ArrayList<>(List.of("store", "--label=" + label));
        args.addAll(attributes);
        Commands.Result r = commands.run(tool, args, text);
        if (!r.ok()) throw new KeyVaultException(Commands.failure(TOOL + " store", r, text));
    }

    @Override
    public void delete() {
        Commands.Result r = commands.run(tool, args("clear"), null);
        if (!r.ok() && !(r.exit() == 1 && r.err().isBlank())) throw new KeyVaultException(Commands.failure(TOOL + " clear", r));
    }

    private List<String> args(String verb) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(verb), attributes.stream()).toList();
    }
}
