package dev.flotilla.engine.market.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.secrets.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignerTest {

    /** The example of Binance's own documentation ("SIGNED endpoint examples for POST /api/v3/order"). */
    @Test
    void hmacSignsAsBinanceDocumentsIt() {
        ApiKeys keys = new ApiKeys("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
                "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");
        Signer signer = new Signer(keys);
        assertThat(signer.kind()).isEqualTo(ApiKeys.Kind.HMAC);
        assertThat(signer.sign("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000"
                + "&timestamp=1499827319559")).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void ed25519SignaturesVerifyWithThePublicKey() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Signer signer = new Signer(new ApiKeys("key-1", pem));
        assertThat(signer.kind()).isEqualTo(ApiKeys.Kind.ED25519);
        String payload = "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.01&timestamp=1700000000000";
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(pair.getPublic());
        v.update(payload.getBytes(StandardCharsets.UTF_8));
        assertThat(v.verify(Base64.getDecoder().decode(signer.sign(payload)))).isTrue();
        v.initVerify(pair.getPublic());
        v.update((payload + "0").getBytes(StandardCharsets.UTF_8));
        assertThat(v.verify(Base64.getDecoder().decode(signer.sign(payload)))).isFalse();
    }

    @Test
    void aBrokenPemIsRefusedWithoutQuotingIt() {
        String secretPart = "MC4CAQAwBQYDK2VwBCIEINOTAKEYATALLxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        assertThatThrownBy(() -> new Signer(new ApiKeys("key-1", "-----BEGIN PRIVATE KEY-----\n" + secretPart
                + "\n-----END PRIVATE KEY-----")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PKCS#8")
                .hasMessageNotContaining(secretPart.substring(0, 20));
    }

    @Test
    void keysNeverShowTheSecret() {
        ApiKeys keys = new ApiKeys("abcd1234efgh5678", "the-secret-itself");
        assertThat(keys.toString()).doesNotContain("the-secret-itself").doesNotContain("1234efgh").contains("abcd");
    }
}
