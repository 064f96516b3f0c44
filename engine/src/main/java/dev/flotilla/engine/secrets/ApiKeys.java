package dev.flotilla.engine.secrets;

/**
 * An exchange API key and its secret. The secret is either an HMAC secret (Binance's "system generated" keys) or an
 * Ed25519 private key in PKCS#8 PEM (Binance's "self generated" keys); which one it is follows from its text. Its
 * {@link #toString()} never shows the secret, and only the first and last characters of the key, so a key can be
 * logged or put in a message by mistake without leaking.
 */
public record ApiKeys(String apiKey, String secret) {

    public enum Kind { HMAC, ED25519 }

    public ApiKeys {
        if (apiKey == null || apiKey.isBlank()) throw new IllegalArgumentException("the API key is empty");
        if (secret == null || secret.isBlank()) throw new IllegalArgumentException("the secret is empty");
        apiKey = apiKey.strip();
        secret = secret.strip();
    }

    /** Ed25519 when the secret is a PEM private key, HMAC-SHA256 otherwise. */
    public Kind kind() {
        return secret.contains("PRIVATE KEY") ? Kind.ED25519 : Kind.HMAC;
    }

    /** The key as it may be shown: its first four and last four characters. */
    public String maskedKey() {
        return apiKey.length() <= 8 ? "****" : apiKey.substring(0, 4) + "…" + apiKey.substring(apiKey.length() - 4);
    }

    @Override
    public String toString() {
        return "ApiKeys[" + maskedKey() + ", " + kind() + "]";
    }
}
