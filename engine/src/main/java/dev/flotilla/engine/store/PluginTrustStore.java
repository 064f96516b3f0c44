package dev.flotilla.engine.store;

import static dev.flotilla.engine.store.jooq.Tables.PLUGIN_TRUST;

import java.util.Set;
import java.util.TreeSet;

/** The plug-in jars the operator approved, by SHA-256. */
public final class PluginTrustStore {

    private final Store store;

    public PluginTrustStore(Store store) {
        this.store = store;
    }

    public Set<String> approved() {
        return store.read(ctx -> new TreeSet<>(ctx.select(PLUGIN_TRUST.SHA256).from(PLUGIN_TRUST).fetch(PLUGIN_TRUST.SHA256)));
    }

    /** Records an approval in its own transaction; approving a jar twice keeps the first record. */
    public void approve(String sha256, String fileName, long at) {
        store.write(tx -> tx.dsl().insertInto(PLUGIN_TRUST, PLUGIN_TRUST.SHA256, PLUGIN_TRUST.FILE_NAME, PLUGIN_TRUST.APPROVED_AT)
                .values(sha256, fileName, at).onConflictDoNothing().execute());
    }
}
