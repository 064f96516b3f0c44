package dev.flotilla.engine.market.binance;

import dev.flotilla.engine.secrets.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request's parameters as Binance asks: HMAC-SHA256 in hex with a system-generated key's secret, or Ed25519
 * in base64 with a self-generated key (the JDK signs Ed25519 itself). The secret never leaves this object and no
 * message of it names the secret.
 */
final class Signer {

    private final ApiKeys.Kind kind;
    private final SecretKeySpec hmacKey;
    private final PrivateKey edKey;

    Signer(ApiKeys keys) {
        this.kind = keys.kind();
        if (kind == ApiKeys.Kind.HMAC) {
            hmacKey = new SecretKeySpec(keys.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            edKey = null;
        } else {
            hmacKey = null;
            edKey = ed25519(keys.secret());
        }
    }

    ApiKeys.Kind kind() {
        return kind;
    }

    /** The signature of {@code payload} (the parameters as sent, without the signature itself), ready to be URL-encoded. */
    String sign(String payload) {
        byte[] data = payload.getBytes(StandardCharsets.UTF_8);
        try {
            if (kind == ApiKeys.Kind.HMAC) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(hmacKey);
                return HexFormat.of().formatHex(mac.doFinal(data));
            }
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(edKey);
            s.update(data);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a request with the " + kind + " key: " + e.getClass().getSimpleName());
        }
    }

    /** A PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----") Ed25519 private key, as Binance's key generator writes it. */
    static PrivateKey ed25519(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]*PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // the cause may quote the key material: it is left out on purpose
            throw new IllegalArgumentException("the secret is not an Ed25519 private key in PKCS#8 PEM (\"-----BEGIN PRIVATE KEY-----\")");
        }
    }
}
