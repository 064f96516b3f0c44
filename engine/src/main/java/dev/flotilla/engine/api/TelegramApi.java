package dev.flotilla.engine.api;

import java.util.List;
import java.util.Set;

/**
 * The optional Telegram bot, for the console: which chats it obeys and tells, which events it tells, its token (kept in
 * the OS keychain, never returned), a test message and how it is doing. Flotilla works fully without it. Calls that
 * reach Telegram or the keychain block: call them off the FX thread.
 */
public interface TelegramApi {

    /** The kinds of notification the bot can send; each can be turned off. */
    enum Kind {
        FILLS("Fills (batched)"), BREAKERS("Circuit breakers"), BOT_ERRORS("Bot errors"),
        RECONCILIATION("Reconciliation problems"), KILL_SWITCH("Kill switch and trading state"),
        DAILY_SUMMARY("Daily summary at 00:00 UTC");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** @param chatIds the chats it tells and obeys; messages from any other chat are ignored */
    record Config(List<Long> chatIds, Set<Kind> kinds) {
        public Config {
            chatIds = List.copyOf(chatIds);
            kinds = Set.copyOf(kinds);
        }
    }

    /**
     * @param running     whether the bot is sending and polling (a token and a chat are configured)
     * @param tokenKeptIn where the token is kept ("Secret Service (GNOME Keyring)", ...), or null when there is none
     * @param lastError   the last failure talking to Telegram, without the token, or null
     * @param sent        messages delivered
     * @param failed      messages given up on after their retries
     * @param dropped     notifications not sent: the bot's queues were full (a slow or dead Telegram)
     */
    record Status(boolean running, String tokenKeptIn, String lastError, long sent, long failed, long dropped) {
    }

    /** What a test message found. */
    record TestResult(boolean ok, String message) {
    }

    Config config();

    /** Stores the chats and kinds in the data folder's settings and restarts the bot with them. */
    void setConfig(Config config);

    /** Keeps the token in the keychain and restarts the bot with it. */
    void setToken(String token);

    /** Forgets the kept token; the bot stops. */
    void forgetToken();

    /**
     * Checks a token with Telegram (getMe) and sends a test message to each chat.
     *
     * @param token the token to test, or null for the kept one
     */
    TestResult sendTest(String token, List<Long> chatIds);

    Status status();
}
