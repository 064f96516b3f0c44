package dev.flotilla.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchStoreTest {

    @TempDir
    Path dir;

    @Test
    void aScratchStoreHoldsTheSchemaAMigrationMakes() {
        try (Store file = new Store(Database.open(dir)); Store scratch = new Store(Database.inMemory("scratch-schema"))) {
            assertThat(schema(scratch)).isEqualTo(schema(file)).isNotEmpty();
            assertThat(migrations(scratch)).isEqualTo(migrations(file)).isNotEmpty();
            assertThat(scratch.settings()).isEqualTo(file.settings());
        }
    }

    @Test
    void instantsAreSeenAtOnceAndCommittedByAWriteBetweenThem() {
        try (Store store = new Store(Database.inMemory("scratch-instants"))) {
            long before = store.writeStats().transactions();
            store.instant(() -> store.write(tx -> tx.setting("a", "1")));
            store.instant(() -> store.write(tx -> tx.setting("b", "1")));
            assertThat(store.settings()).containsEntry("a", "1").containsEntry("b", "1");
            store.write(tx -> tx.setting("c", "1"));
            assertThat(store.writeStats().transactions() - before).as("the two instants, then the write").isEqualTo(2);
            assertThat(store.settings()).containsEntry("a", "1").containsEntry("c", "1");
        }
    }

    @Test
    void aFailedWriteFailsItsInstantEvenWhenItsExceptionWasCaught() {
        try (Store store = new Store(Database.inMemory("scratch-failure"))) {
            store.write(tx -> tx.setting("kept", "1"));
            assertThatThrownBy(() -> store.instant(() -> {
                store.write(tx -> tx.setting("a", "1"));
                try {
                    store.write(tx -> {
                        tx.setting("b", "1");
                        tx.closePosition(999, BigDecimal.ONE, BigDecimal.ZERO, "EXIT", BigDecimal.ZERO, 0, "none");
                    });
                } catch (IllegalStateException swallowed) {
                    // code that goes on after a failed write must not get half of it committed
                }
                store.write(tx -> tx.setting("c", "1"));
            })).isInstanceOf(StoreException.class);
            assertThat(store.settings()).containsKey("kept").doesNotContainKeys("a", "b", "c");
        }
    }

    private static List<String> schema(Store store) {
        return store.read(ctx -> ctx.fetch("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master"
                + " WHERE name NOT LIKE 'sqlite_%' ORDER BY name").getValues(0, String.class));
    }

    private static List<Map<String, Object>> migrations(Store store) {
        return store.read(ctx -> ctx.fetch("SELECT version, description, checksum, success FROM flyway_schema_history"
                + " ORDER BY installed_rank").intoMaps());
    }
}
