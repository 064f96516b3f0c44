package dev.flotilla.ui.screen.keys;

import dev.flotilla.engine.api.LiveApi;
import dev.flotilla.engine.api.LiveApi.KeyCheck;
import dev.flotilla.ui.fx.Loader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The keys dialog's state: the key and secret being entered, the last test's verdict, where kept keys are. Every call
 * to the {@link LiveApi} goes through the {@link Loader} (the exchange and the keychain may take seconds); Save is
 * possible only right after a test that found the keys acceptable, with the fields unchanged since.
 */
public final class KeysModel {

    public enum State { IDLE, BUSY, GOOD, REFUSED, FAILED, SAVED }

    /** A key file larger than this is not a key. */
    static final long MAX_KEY_FILE = 16 * 1024;
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    private final LiveApi live;
    private final Loader loader;
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final StringProperty secret = new SimpleStringProperty("");
    private final StringProperty secretSource = new SimpleStringProperty("");
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final StringProperty verdict = new SimpleStringProperty("");
    private final StringProperty details = new SimpleStringProperty("");
    private final StringProperty keptIn = new SimpleStringProperty("");
    private final BooleanProperty keysKept = new SimpleBooleanProperty(false);
    private boolean loadingFile;

    /** @param live the console's live trading, or null where this mode has none */
    public KeysModel(LiveApi live, Loader loader) {
        this.live = live;
        this.loader = loader;
        // a test speaks for the keys it was run on: an edit makes it stale
        apiKey.addListener((o, a, b) -> edited());
        secret.addListener((o, a, b) -> {
            if (!loadingFile) secretSource.set("");
            edited();
        });
        if (live == null) keptIn.set("Live trading keys are not available in this mode: the console was started "
                + "without live trading (the sandbox market, or paper trading on Binance's public data).");
        else refreshKept();
    }

    public boolean available() {
        return live != null;
    }

    private void edited() {
        if (state.get() == State.GOOD || state.get() == State.REFUSED || state.get() == State.FAILED) show(State.IDLE, "", "");
    }

    private void refreshKept() {
        keptIn.set("Looking for kept keys…");
        loader.load(() -> new String[]{live.keysKeptIn(), live.maskedKey()}, kept -> {
            keysKept.set(kept[0] != null);
            keptIn.set(kept[0] == null ? "No keys are kept." : "Kept in the " + kept[0] + (kept[1] == null ? "" : ": key " + kept[1]));
        }, e -> {
            keysKept.set(false);
            keptIn.set("Where keys are kept could not be read: " + reason(e));
        });
    }

    /** Asks the exchange whether the entered keys work, off the FX thread. */
    public void test() {
        if (!canTest().get()) return;
        String k = apiKey.get().strip();
        String s = normalizedSecret();
        show(State.BUSY, "Asking Binance about these keys…", "");
        loader.load(() -> live.check(k, s), this::showCheck, e -> show(State.FAILED, "The test did not finish.", reason(e)));
    }

    /** Keeps the keys (the LiveApi tests them once more and refuses any it would not keep). */
    public void save() {
        if (!canSave().get()) return;
        String k = apiKey.get().strip();
        String s = normalizedSecret();
        show(State.BUSY, "Saving the keys…", "");
        loader.load(() -> live.save(k, s), c -> {
            if (c.acceptable()) {
                show(State.SAVED, "Saved.", "The secret is kept by the keychain only and is not shown again.");
                secret.set("");
            } else {
                showCheck(c);
            }
            refreshKept();
        }, e -> show(State.FAILED, "The keys were not saved.", reason(e)));
    }

    /** Removes the kept keys. */
    public void forget() {
        if (!canForget().get()) return;
        show(State.BUSY, "Forgetting the keys…", "");
        loader.load(() -> {
            live.forget();
            return Boolean.TRUE;
        }, done -> {
            show(State.IDLE, "The keys are forgotten.", "Live trading has no keys until new ones are saved.");
            refreshKept();
        }, e -> show(State.FAILED, "The keys were not forgotten.", reason(e)));
    }

    /** Puts the text of a key file (an Ed25519 private key in PEM, usually) in the secret field. */
    public void loadKeyFile(Path file) {
        try {
            if (Files.size(file) > MAX_KEY_FILE) {
                show(State.FAILED, "That file is not a key.", file.getFileName() + " is larger than " + MAX_KEY_FILE / 1024 + " KB.");
                return;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            loadingFile = true;
            try {
                secret.set(text);
            } finally {
                loadingFile = false;
            }
            secretSource.set("from " + file.getFileName());
        } catch (IOException e) {
            show(State.FAILED, "The key file could not be read.", file.getFileName() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void showCheck(KeyCheck c) {
        String balances = c.balances().isEmpty() ? "The account holds no balances." : "Balances: " + String.join(" · ", c.balances());
        String message = c.message() == null || c.message().isBlank() ? "" : redact(c.message());
        if (!c.ok()) {
            show(State.FAILED, "The keys do not work.", message.isEmpty() ? "Binance refused them." : message);
        } else if (c.canWithdraw()) {
            show(State.REFUSED, "Refused: these keys can withdraw funds.", "Flotilla never keeps keys that can withdraw. At "
                    + "Binance, open API Management, edit this key's restrictions, untick \u201cEnable Withdrawals\u201d "
                    + "and test again.");
        } else if (!c.canTrade()) {
            show(State.REFUSED, "Refused: these keys cannot trade.", "At Binance, open API Management, edit this key's "
                    + "restrictions, tick \u201cEnable Spot & Margin Trading\u201d and test again.");
        } else {
            show(State.GOOD, "The keys work: they can trade and cannot withdraw.", join(balances, message));
        }
    }

    private static String join(String a, String b) {
        return b.isEmpty() ? a : a + "\n" + b;
    }

    private void show(State s, String verdictText, String detailsText) {
        state.set(s);
        verdict.set(verdictText);
        details.set(detailsText);
    }

    /** A failure's message, without the key or the secret should the LiveApi have quoted them. */
    private String reason(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t.getMessage() == null) && t.getCause() != null) t = t.getCause();
        return redact(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    private String redact(String text) {
        String out = text;
        for (String s : new String[]{secret.get(), normalizedSecret(), apiKey.get().strip()}) {
            if (s != null && s.length() >= 4) out = out.replace(s, "****");
        }
        return out;
    }

    /**
     * The secret as typed, with a pasted PEM key given back its line breaks: a one-line field drops them, leaving
     * "-----BEGIN PRIVATE KEY-----MC4C…-----END PRIVATE KEY-----".
     */
    String normalizedSecret() {
        String s = secret.get() == null ? "" : secret.get().strip();
        Matcher m = PEM.matcher(s);
        if (!m.find()) return s;
        String body = m.group(2).replaceAll("\\s+", "");
        StringBuilder b = new StringBuilder("-----BEGIN ").append(m.group(1)).append("-----\n");
        for (int i = 0; i < body.length(); i += 64) b.append(body, i, Math.min(body.length(), i + 64)).append('\n');
        return b.append("-----END ").append(m.group(1)).append("-----").toString();
    }

    public BooleanBinding canTest() {
        return Bindings.createBooleanBinding(() -> live != null && state.get() != State.BUSY && !apiKey.get().isBlank()
                && !secret.get().isBlank(), state, apiKey, secret);
    }

    public BooleanBinding canSave() {
        return Bindings.createBooleanBinding(() -> live != null && state.get() == State.GOOD, state);
    }

    public BooleanBinding canForget() {
        return Bindings.createBooleanBinding(() -> live != null && state.get() != State.BUSY && keysKept.get(), state, keysKept);
    }

    public StringProperty apiKey() { return apiKey; }
    public StringProperty secret() { return secret; }
    /** "from ed25519.pem" after a key file was loaded, until the secret is edited. */
    public StringProperty secretSource() { return secretSource; }
    public ObjectProperty<State> state() { return state; }
    /** The last test's, save's or forget's outcome in a few words. */
    public StringProperty verdict() { return verdict; }
    /** What follows from it: the balances, what to change at Binance, the error. */
    public StringProperty details() { return details; }
    /** Where keys are kept, with the masked key, or that none are. */
    public StringProperty keptIn() { return keptIn; }
}
