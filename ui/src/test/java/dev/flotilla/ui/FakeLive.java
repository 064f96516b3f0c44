package dev.flotilla.ui;

import dev.flotilla.engine.api.LiveApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Live trading's keys without an exchange: each API key gets the answer a test gives it; saving keeps them in memory. */
final class FakeLive implements LiveApi {

    static final KeyCheck GOOD = new KeyCheck(true, true, false, List.of("USDT 1,250.00", "BTC 0.01500000", "BNB 0.4200"), "");
    static final KeyCheck WITHDRAWS = new KeyCheck(true, true, true, List.of("USDT 1,250.00"), "");
    static final KeyCheck INVALID = new KeyCheck(false, false, false, List.of(), "Invalid API-key, IP, or permissions for action. (-2015)");

    final Map<String, KeyCheck> answers = new HashMap<>();
    volatile CountDownLatch gate;
    volatile String lastSecret;
    volatile boolean checkedOnFxThread;
    volatile RuntimeException failure;
    volatile int saves;
    volatile String keptIn;
    volatile String masked;

    FakeLive answer(String apiKey, KeyCheck check) {
        answers.put(apiKey, check);
        return this;
    }

    @Override
    public KeyCheck check(String apiKey, String secret) {
        checkedOnFxThread = javafx.application.Platform.isFxApplicationThread();
        lastSecret = secret;
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure != null) throw failure;
        return answers.getOrDefault(apiKey, INVALID);
    }

    @Override
    public KeyCheck save(String apiKey, String secret) {
        KeyCheck c = check(apiKey, secret);
        if (c.acceptable()) {
            saves++;
            keptIn = "Secret Service (GNOME Keyring)";
            masked = apiKey.substring(0, 4) + "…" + apiKey.substring(apiKey.length() - 4);
        }
        return c;
    }

    @Override
    public String keysKeptIn() {
        return keptIn;
    }

    @Override
    public String maskedKey() {
        return masked;
    }

    @Override
    public void forget() {
        keptIn = null;
        masked = null;
    }
}
