package dev.flotilla.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void liveConnectionReportsThePragmasTheEngineReliesOn() {
        try (Database db = Database.open(dir)) {
            assertThat(db.pragma("journal_mode")).isEqualToIgnoringCase("wal");
            assertThat(db.pragma("synchronous")).isEqualTo("1");  // NORMAL
            assertThat(db.pragma("foreign_keys")).isEqualTo("1");
            assertThat(db.pragma("busy_timeout")).isEqualTo("5000");
        }
    }

    @Test
    void writesAreAllOrNothing() {
        try (Store store = new Store(Database.open(dir))) {
            store.write(tx -> tx.setting("a", "1"));
            assertThatThrownBy(() -> store.write(tx -> {
                tx.setting("a", "2");
                tx.setting("b", "2");
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(store.settings()).containsExactly(java.util.Map.entry("a", "1"));
        }
    }

    @Test
    void theWriterCountsItsTransactionsTimeAndRows() {
        try (Store store = new Store(Database.open(dir))) {
            WriteStats before = store.writeStats();
            store.write(tx -> {
                tx.setting("a", "1");
                tx.setting("b", "1");
            });
            store.write(tx -> tx.setting("a", "2"));  // an upsert: one row changed
            assertThatThrownBy(() -> store.write(tx -> {
                tx.setting("c", "1");
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            WriteStats done = store.writeStats().since(before);
            assertThat(done.transactions()).as("committed transactions").isEqualTo(2);
            assertThat(done.rows()).as("rows changed, the rolled-back one too, as SQLite counts them").isEqualTo(4);
            assertThat(done.busyErrors()).isZero();
            assertThat(done.writeNanos()).isPositive();
            assertThat(done.longestWriteNanos()).isPositive().isLessThanOrEqualTo(done.writeNanos());
            store.resetLongestWrite();
            assertThat(store.writeStats().longestWriteNanos()).isZero();
        }
    }

    @Test
    void reopeningKeepsWhatWasCommitted() {
        try (Store store = new Store(Database.open(dir))) {
            store.write(tx -> tx.setting("kill", "off"));
        }
        try (Store store = new Store(Database.open(dir))) {
            assertThat(store.setting("kill")).contains("off");
        }
        assertThat(Database.peekSetting(dir, "kill")).contains("off");
    }

    @Test
    void aFileOfRandomBytesIsReportedAndLeftUntouched() throws Exception {
        byte[] junk = new byte[64 * 1024];
        new Random(3).nextBytes(junk);
        Path file = dir.resolve(Database.FILE_NAME);
        Files.write(file, junk);
        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("left as it is");
        assertThat(Files.readAllBytes(file)).isEqualTo(junk);
    }

    @Test
    void aForeignSqliteDatabaseIsReportedAndLeftUntouched() throws Exception {
        Path file = dir.resolve(Database.FILE_NAME);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            st.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
            st.execute("INSERT INTO customers VALUES (1, 'x')");
        }
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(StoreException.class)
                .hasMessageContaining("not a Flotilla database");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aTruncatedDatabaseIsReportedAndLeftUntouched() throws Exception {
        try (Store store = new Store(Database.open(dir))) {
            store.write(tx -> {
                for (int i = 0; i < 2_000; i++) tx.setting("k" + i, "some value that takes room " + i);
            });
        }
        Path file = dir.resolve(Database.FILE_NAME);
        byte[] whole = Files.readAllBytes(file);
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        Files.write(file, half);
        assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toAbsolutePath().toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(half);
    }

    @Test
    void aDamagedFileCanBeSetAsideUnchangedForANewOne() throws Exception {
        Path file = dir.resolve(Database.FILE_NAME);
        byte[] junk = "not a database at all, just text".repeat(100).getBytes();
        Files.write(file, junk);
        Path kept = Database.setAside(dir, java.time.Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(kept.getFileName().toString()).isEqualTo("flotilla.db.damaged-20261122T100000Z");
        assertThat(Files.readAllBytes(kept)).isEqualTo(junk);
        try (Database db = Database.open(dir)) {
            assertThat(db.pragma("journal_mode")).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void aFullDiskFailsTheWholeTransactionAsUnavailable() {
        try (Store store = new Store(Database.open(dir))) {
            store.database().setPageLimit(store.database().pageCount());
            assertThatThrownBy(() -> store.write(tx -> {
                for (int i = 0; i < 5_000; i++) tx.setting("k" + i, "x".repeat(200));
            })).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("full");
            assertThat(store.settings()).isEmpty();
            store.database().setPageLimit(1_000_000);
            store.write(tx -> tx.setting("after", "ok"));
            assertThat(store.setting("after")).contains("ok");
        }
    }
}
