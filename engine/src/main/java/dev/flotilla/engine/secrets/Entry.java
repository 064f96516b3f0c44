package dev.flotilla.engine.secrets;

import java.util.Optional;

/**
 * The one keychain entry that holds the keys (service "Flotilla", account "binance", the key and the secret together
 * as JSON), in one keychain. Implementations never put the text in a log line or an exception message.
 */
interface Entry {

    String SERVICE = "Flotilla";
    String ACCOUNT = "binance";
    String LABEL = "Flotilla: Binance API keys";

    /** The keychain's name as the console shows it ("macOS Keychain", "Secret Service (secret-tool)", ...). */
    String name();

    Optional<String> read();

    void write(String text);

    /** Nothing happens when there is no entry. */
    void delete();

    /** The same keychain, another entry of service "Flotilla" (e.g. account "telegram" for the Telegram bot's token). */
    Entry forAccount(String account, String label);
}
