package dev.flotilla.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarketChoiceTest {

    @Test
    void namesAndUrlsAreAccepted() {
        assertThat(MarketChoice.parse(null, null)).isEqualTo(MarketChoice.sandbox());
        assertThat(MarketChoice.parse("binance", null).binanceUrl()).isEqualTo("https://api.binance.com");
        assertThat(MarketChoice.parse("Binance", "testnet").binanceUrl()).isEqualTo("https://testnet.binance.vision");
        assertThat(MarketChoice.parse("binance", "testnet").isTestnet()).isTrue();
        assertThat(MarketChoice.parse("binance", "http://127.0.0.1:8080/").binanceUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(MarketChoice.parse("binance", "production").modeLabel("1")).isEqualTo("PAPER on Binance data");
        assertThat(MarketChoice.sandbox().modeLabel("60")).isEqualTo("SANDBOX x60");
    }

    @Test
    void anythingElseIsRefusedWithAMessage() {
        assertThatThrownBy(() -> MarketChoice.parse("kraken", null)).hasMessageContaining("sandbox or binance");
        assertThatThrownBy(() -> MarketChoice.parse("sandbox", "testnet")).hasMessageContaining("only to the binance market");
        for (String bad : new String[] {"ftp://x", "api.binance.com", "https://", "https://x?y=1", "", "http://u:p@host"}) {
            assertThatThrownBy(() -> MarketChoice.binance(bad)).as(bad).hasMessageContaining("production, testnet or an http(s) URL");
        }
    }
}
