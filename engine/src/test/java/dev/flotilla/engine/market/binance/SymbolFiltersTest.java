package dev.flotilla.engine.market.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SymbolFiltersTest {

    /** BTCUSDT's filters as Binance's exchangeInfo lists them. */
    static final String BTC = """
            [{"filterType":"PRICE_FILTER","minPrice":"0.01000000","maxPrice":"1000000.00000000","tickSize":"0.01000000"},
             {"filterType":"LOT_SIZE","minQty":"0.00001000","maxQty":"9000.00000000","stepSize":"0.00001000"},
             {"filterType":"MARKET_LOT_SIZE","minQty":"0.00000000","maxQty":"87.40000000","stepSize":"0.00000000"},
             {"filterType":"NOTIONAL","minNotional":"5.00000000","applyMinToMarket":true,"maxNotional":"9000000.00000000",
              "applyMaxToMarket":false,"avgPriceMins":5}]""";

    @Test
    void quantitiesRoundDownToTheStepAndTheStricterMaximumApplies() throws Exception {
        SymbolFilters f = BinanceAccount.filters("BTCUSDT", new ObjectMapper().readTree(BTC));
        assertThat(f.roundDown(new BigDecimal("0.123456789"))).isEqualByComparingTo("0.12345");
        assertThat(f.roundDown(new BigDecimal("0.00000999"))).isEqualByComparingTo("0");
        assertThat(f.maxQty()).isEqualByComparingTo("87.4");
        assertThat(f.tickSize()).isEqualByComparingTo("0.01");
        assertThat(f.refusal(new BigDecimal("0.001"), new BigDecimal("60000"))).isEmpty();
        assertThat(f.refusal(new BigDecimal("100"), new BigDecimal("60000"))).get().asString().contains("maximum of 87.4");
    }

    @Test
    void anOrderUnderTheMinimumIsSizeTooSmall() throws Exception {
        SymbolFilters f = BinanceAccount.filters("BTCUSDT", new ObjectMapper().readTree(BTC));
        // 0.00008 BTC at 60,000 is 4.80 USDT, under the 5 USDT minimum notional
        assertThat(f.refusal(new BigDecimal("0.00008"), new BigDecimal("60000"))).get().asString()
                .startsWith(SymbolFilters.SIZE_TOO_SMALL).contains("4.80").contains("5");
        assertThat(f.refusal(BigDecimal.ZERO, new BigDecimal("60000"))).get().asString().startsWith(SymbolFilters.SIZE_TOO_SMALL);
    }
}
