package dev.flotilla.engine.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreLocation;
import dev.flotilla.engine.store.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Every way through the vaults, good and bad, with the log captured: no secret in a log line, a message or a toString. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fake tools are shell scripts")
class SecretsNeverLeakTest {

    static final String KEY = EnvKeysTest.KEY;
    static final String HMAC = EnvKeysTest.HMAC;
    static final String PEM = EnvKeysTest.PEM.strip();

    @TempDir
    Path dir;

    final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    final List<String> texts = new ArrayList<>();

    @BeforeEach
    void capture() {
        root.setLevel(Level.DEBUG);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        root.setLevel(Level.INFO);
    }

    private void attempt(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            texts.add(e.getMessage());
            texts.add(e.toString());
            if (e.getCause() != null) texts.add(String.valueOf(e.getCause()));
        }
    }

    @Test
    void noSecretInTheLogInMessagesOrInToString() throws Exception {
        // the environment, with a secret file others can read (which is warned about)
        Path pem = Files.writeString(dir.resolve("k.pem"), PEM);
        Files.setPosixFilePermissions(pem, PosixFilePermissions.fromString("rw-r--r--"));
        EnvKeys env = new EnvKeys(Map.of(EnvKeys.API_KEY, KEY, EnvKeys.SECRET_FILE, pem.toString()));
        texts.add(String.valueOf(env.load().orElseThrow()));
        texts.add(env.describe());
        attempt(() -> env.save(new ApiKeys(KEY, PEM)));
        attempt(env::delete);
        attempt(() -> new EnvKeys(Map.of(EnvKeys.SECRET, HMAC)).load());

        // a working fake secret-tool: save, load, delete
        Path ok = Files.createDirectory(dir.resolve("ok"));
        OsKeyVault vault = new OsKeyVault("Linux", new FakeTools(ok).secretTool("never").env(), OsKeyVaultTest.NO_KEYRING);
        for (ApiKeys keys : List.of(new ApiKeys(KEY, HMAC), new ApiKeys(KEY, PEM))) {
            vault.save(keys);
            texts.add(String.valueOf(vault.load()));
            texts.add(keys.toString());
        }
        vault.delete();

        // one that echoes what it is given into its errors, and one with no Secret Service
        Path echo = Files.createDirectory(dir.resolve("echo"));
        OsKeyVault echoing = new OsKeyVault("Linux", new FakeTools(echo).secretToolEchoingInput().env(), OsKeyVaultTest.NO_KEYRING);
        attempt(() -> echoing.save(new ApiKeys(KEY, PEM)));
        attempt(() -> echoing.save(new ApiKeys(KEY, HMAC)));
        Path none = Files.createDirectory(dir.resolve("none"));
        OsKeyVault nothing = new OsKeyVault("Linux", new FakeTools(none).secretToolWithoutService().env(), OsKeyVaultTest.NO_KEYRING);
        attempt(() -> nothing.save(new ApiKeys(KEY, HMAC)));

        // a keychain entry that is not Flotilla's
        OsKeyVaultTest.MemoryEntry memory = new OsKeyVaultTest.MemoryEntry();
        memory.text = "{\"apiKey\":\"" + KEY + "\",\"secret\":" + HMAC + "}";
        attempt(() -> new OsKeyVault("Linux", Map.of(), () -> memory).load());

        for (ILoggingEvent e : appender.list) {
            texts.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) texts.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
        }
        assertThat(appender.list).as("the log was captured").isNotEmpty();
        assertThat(texts).as("messages were collected").hasSizeGreaterThan(10);
        List<String> secrets = List.of(KEY, HMAC, HMAC.substring(10, 30), "MC4CAQAwBQYDK2VwBCIEIJ3v", PEM);
        for (String t : texts) {
            for (String s : secrets) assertThat(t).as("a message or log line").doesNotContain(s);
        }
        assertThat(texts).anyMatch(t -> t.contains("can be read by other users"));
        assertThat(texts).anyMatch(t -> t.contains("vmPU…Eh8A"));
    }
    @Test
    void noDatabasePasswordInTheLogInMessagesOrInToString() {
        StoreLocation.Server db = TestServer.newDatabase();
        String pw = TestServer.PASSWORD;
        String url = TestServer.url(db);
        // a good address: opened, written, a write refused, read without migrating, described
        StoreLocation parsed = StoreLocation.server(url);
        texts.add(parsed.toString());
        texts.add(parsed.describe());
        try (Store store = new Store(Database.open(parsed))) {
            texts.add(store.database().where());
            store.write(tx -> tx.setting("k", "v"));
            attempt(() -> store.write(tx -> tx.insertOrder(null)));
            attempt(() -> store.write(tx -> {
                tx.setting("k", "v");
                tx.insertFill(new dev.flotilla.engine.model.Fill("no-such-order", "no-such-bot",
                        dev.flotilla.engine.model.Symbol.parse("BTC/USDT"), dev.flotilla.engine.model.Side.BUY,
                        java.math.BigDecimal.ONE, java.math.BigDecimal.ONE, java.math.BigDecimal.ZERO, 1));
            }));
            texts.add(String.valueOf(Database.peekSetting(parsed, "k")));
            // a second Flotilla on the same database is refused
            attempt(() -> Database.open(parsed));
        }
        // a wrong password, an unreachable server, addresses that are not PostgreSQL's or lack a part
        attempt(() -> Database.open(StoreLocation.server(url.replace(pw, pw + "x"))));
        attempt(() -> Database.open(new StoreLocation.Server("jdbc:postgresql://127.0.0.1:1/none", "flotilla", pw)));
        attempt(() -> StoreLocation.server("mysql://h/db?user=u&password=" + pw));
        attempt(() -> StoreLocation.server("postgresql://u:" + pw + "@/db"));
        attempt(() -> StoreLocation.server("postgresql://h/db?user=u&password=" + pw + "&sslpassword=" + pw));
        for (ILoggingEvent e : appender.list) {
            texts.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) texts.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
        }
        assertThat(texts).as("messages were collected").hasSizeGreaterThan(12);
        assertThat(texts).anyMatch(t -> t.contains("password authentication failed"));
        assertThat(texts).anyMatch(t -> t.contains("in use by another Flotilla"));
        assertThat(texts).anyMatch(t -> t.contains("not a PostgreSQL address"));
        for (String t : texts) assertThat(t).as("a message or log line").doesNotContain(pw).doesNotContain(pw.substring(3, 17));
    }
}
