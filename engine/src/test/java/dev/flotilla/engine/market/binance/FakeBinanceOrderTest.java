package dev.flotilla.engine.market.binance;

import static dev.flotilla.engine.market.binance.FakeBinanceSignedTest.KEY;
import static dev.flotilla.engine.market.binance.FakeBinanceSignedTest.SECRET;
import static dev.flotilla.engine.market.binance.FakeBinanceSignedTest.T0;
import static dev.flotilla.engine.market.binance.FakeBinanceSignedTest.assertError;
import static dev.flotilla.engine.market.binance.SignedClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Market orders on FakeBinance over real HTTP: fills, commissions, balances, filters, refusals and faults. */
class FakeBinanceOrderTest {

    final AtomicLong clock = new AtomicLong(T0);
    FakeBinance fake;
    SignedClient client;
    BigDecimal btc;

    @BeforeEach
    void open() throws Exception {
        fake = new FakeBinance(clock::get, 7, T0 - Duration.ofDays(10).toMillis()).apiKey(KEY, SECRET).balance("USDT", "10000");
        client = new SignedClient(fake.url(), clock::get, KEY, SECRET);
        btc = fake.price(Symbol.parse("BTC/USDT"), T0);
    }

    @AfterEach
    void close() {
        fake.close();
    }

    static BigDecimal dec(JsonNode n) {
        assertThat(n.isTextual()).as("a string: " + n).isTrue();
        return new BigDecimal(n.asText());
    }

    static BigDecimal r8(BigDecimal v) {
        return v.setScale(8, RoundingMode.HALF_UP);
    }

    @Test
    void aMarketBuyFillsAtTheTickerPricePaysCommissionInTheBaseAssetAndIsQueryable() throws Exception {
        HttpResponse<String> r = client.market("BTCUSDT", "BUY", "0.01", "buy-1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode o = json(r);
        assertThat(o.get("status").asText()).isEqualTo("FILLED");
        assertThat(o.get("clientOrderId").asText()).isEqualTo("buy-1");
        assertThat(o.get("orderListId").asInt()).isEqualTo(-1);
        assertThat(o.get("type").asText()).isEqualTo("MARKET");
        assertThat(o.get("timeInForce").asText()).isEqualTo("GTC");
        assertThat(o.get("transactTime").asLong()).isEqualTo(T0);
        assertThat(o.get("workingTime").asLong()).isEqualTo(T0);
        assertThat(o.get("selfTradePreventionMode").asText()).isEqualTo("EXPIRE_MAKER");
        assertThat(dec(o.get("origQty"))).isEqualByComparingTo("0.01");
        assertThat(dec(o.get("executedQty"))).isEqualByComparingTo("0.01");
        assertThat(dec(o.get("cummulativeQuoteQty"))).isEqualByComparingTo(btc.multiply(new BigDecimal("0.01")));
        JsonNode fill = o.get("fills").get(0);
        assertThat(o.get("fills")).hasSize(1);
        assertThat(dec(fill.get("price"))).isEqualByComparingTo(btc);
        assertThat(dec(fill.get("commission"))).isEqualByComparingTo("0.00001");
        assertThat(fill.get("commissionAsset").asText()).isEqualTo("BTC");
        assertThat(r.headers().firstValue("X-MBX-ORDER-COUNT-10S")).hasValue("1");
        assertThat(r.headers().firstValue("X-MBX-ORDER-COUNT-1D")).hasValue("1");
        assertThat(fake.account().free("USDT")).isEqualByComparingTo(new BigDecimal("10000").subtract(btc.multiply(new BigDecimal("0.01"))));
        assertThat(fake.account().free("BTC")).isEqualByComparingTo("0.00999");

        JsonNode byClient = json(client.get("/api/v3/order", "symbol=BTCUSDT&origClientOrderId=buy-1"));
        JsonNode byId = json(client.get("/api/v3/order", "symbol=BTCUSDT&orderId=" + o.get("orderId").asLong()));
        assertThat(byClient).isEqualTo(byId);
        assertThat(byClient.get("status").asText()).isEqualTo("FILLED");
        assertThat(byClient.get("time").asLong()).isEqualTo(T0);
        assertThat(byClient.get("isWorking").asBoolean()).isTrue();
        assertThat(byClient.get("executedQty").asText()).isEqualTo("0.01000000");
        assertThat(json(client.get("/api/v3/openOrders", "symbol=BTCUSDT"))).isEmpty();
        JsonNode trades = json(client.get("/api/v3/myTrades", "symbol=BTCUSDT"));
        assertThat(trades).hasSize(1);
        JsonNode t = trades.get(0);
        assertThat(t.get("id").asLong()).isEqualTo(fill.get("tradeId").asLong());
        assertThat(t.get("orderId").asLong()).isEqualTo(o.get("orderId").asLong());
        assertThat(dec(t.get("quoteQty"))).isEqualByComparingTo(dec(o.get("cummulativeQuoteQty")));
        assertThat(t.get("isBuyer").asBoolean()).isTrue();
        assertThat(t.get("isMaker").asBoolean()).isFalse();
        assertThat(t.get("commissionAsset").asText()).isEqualTo("BTC");
        assertThat(t.get("time").asLong()).isEqualTo(T0);
    }

    @Test
    void aSellPaysCommissionInTheQuoteAssetAndTheShorterRepliesLeaveFieldsOut() throws Exception {
        fake.balance("BTC", "1");
        HttpResponse<String> r = client.post("/api/v3/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.5&newOrderRespType=RESULT");
        JsonNode o = json(r);
        assertThat(o.get("status").asText()).isEqualTo("FILLED");
        assertThat(o.has("fills")).isFalse();
        assertThat(o.get("clientOrderId").asText()).matches("[A-Za-z0-9]{22}");
        BigDecimal proceeds = btc.multiply(new BigDecimal("0.5"));
        BigDecimal commission = r8(proceeds.multiply(new BigDecimal("0.001")));
        assertThat(fake.account().trades().getFirst().commission()).isEqualByComparingTo(commission);
        assertThat(fake.account().trades().getFirst().commissionAsset()).isEqualTo("USDT");
        assertThat(fake.account().free("USDT")).isEqualByComparingTo(new BigDecimal("10000").add(proceeds).subtract(commission));
        assertThat(fake.account().free("BTC")).isEqualByComparingTo("0.5");
        JsonNode ack = json(client.post("/api/v3/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.1&newOrderRespType=ACK"));
        assertThat(ack.has("status")).isFalse();
        assertThat(ack.get("transactTime").asLong()).isEqualTo(T0);
        assertThat(ack.get("orderId").asLong()).isEqualTo(o.get("orderId").asLong() + 1);
    }

    @Test
    void aQuoteOrderQtyBuySpendsAtMostThatOnTheLotStep() throws Exception {
        JsonNode o = json(client.post("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quoteOrderQty=100"));
        BigDecimal qty = dec(o.get("executedQty"));
        assertThat(qty.remainder(new BigDecimal("0.00001"))).isEqualByComparingTo("0");
        assertThat(dec(o.get("cummulativeQuoteQty"))).isLessThanOrEqualTo(new BigDecimal("100")).isGreaterThan(new BigDecimal("99"));
        assertThat(dec(o.get("origQuoteOrderQty"))).isEqualByComparingTo("100");
        assertThat(fake.account().free("USDT")).isEqualByComparingTo(new BigDecimal("10000").subtract(dec(o.get("cummulativeQuoteQty"))));
    }

    @Test
    void splitFillsWalkTheBookAndEachPaysItsOwnCommission() throws Exception {
        fake.splitFills(3);
        JsonNode o = json(client.market("BTCUSDT", "BUY", "0.03", "split-1"));
        JsonNode fills = o.get("fills");
        assertThat(fills).hasSize(3);
        BigDecimal quote = BigDecimal.ZERO;
        for (int i = 0; i < 3; i++) {
            JsonNode f = fills.get(i);
            assertThat(dec(f.get("price"))).isEqualByComparingTo(btc.add(new BigDecimal("0.01").multiply(BigDecimal.valueOf(i))));
            assertThat(dec(f.get("qty"))).isEqualByComparingTo("0.01");
            assertThat(dec(f.get("commission"))).isEqualByComparingTo("0.00001");
            assertThat(f.get("tradeId").asLong()).isEqualTo(fills.get(0).get("tradeId").asLong() + i);
            quote = quote.add(dec(f.get("price")).multiply(dec(f.get("qty"))));
        }
        assertThat(dec(o.get("cummulativeQuoteQty"))).isEqualByComparingTo(quote);
        assertThat(fake.account().free("BTC")).isEqualByComparingTo("0.02997");
        assertThat(json(client.get("/api/v3/myTrades", "symbol=BTCUSDT&orderId=" + o.get("orderId").asLong()))).hasSize(3);
        long second = fills.get(1).get("tradeId").asLong();
        JsonNode from = json(client.get("/api/v3/myTrades", "symbol=BTCUSDT&fromId=" + second + "&limit=1"));
        assertThat(from).hasSize(1);
        assertThat(from.get(0).get("id").asLong()).isEqualTo(second);
        assertThat(json(client.get("/api/v3/myTrades", "symbol=BTCUSDT&limit=2")).get(0).get("id").asLong()).isEqualTo(second);
        assertError(client.get("/api/v3/myTrades", "symbol=BTCUSDT&orderId=1&startTime=" + T0), 400, -1128,
                "Combination of optional parameters invalid.");
        assertError(client.get("/api/v3/myTrades", "symbol=BTCUSDT&startTime=0&endTime=" + T0), 400, -1127,
                "More than 24 hours between startTime and endTime.");
        assertThat(json(client.get("/api/v3/myTrades", "symbol=BTCUSDT&endTime=" + (T0 - 1)))).isEmpty();
    }

    @Test
    void commissionInBnbIsDiscountedAndComesOutOfTheBnbBalanceWhileItLasts() throws Exception {
        fake.balance("BNB", "1").commissionInBnb("650");
        JsonNode fill = json(client.market("BTCUSDT", "BUY", "0.01", "bnb-1")).get("fills").get(0);
        BigDecimal expected = btc.multiply(new BigDecimal("0.01")).multiply(new BigDecimal("0.00075")).divide(new BigDecimal("650"), 8, RoundingMode.HALF_UP);
        assertThat(fill.get("commissionAsset").asText()).isEqualTo("BNB");
        assertThat(dec(fill.get("commission"))).isEqualByComparingTo(expected);
        assertThat(fake.account().free("BNB")).isEqualByComparingTo(BigDecimal.ONE.subtract(expected));
        assertThat(fake.account().free("BTC")).isEqualByComparingTo("0.01");
        fake.balance("BNB", "0");
        JsonNode without = json(client.market("BTCUSDT", "BUY", "0.01", "bnb-2")).get("fills").get(0);
        assertThat(without.get("commissionAsset").asText()).isEqualTo("BTC");
    }

    @Test
    void aPartialFillEndsExpiredWithOnlyThatPartTraded() throws Exception {
        fake.partialFill("0.4");
        JsonNode o = json(client.market("BTCUSDT", "BUY", "0.01", "part-1"));
        assertThat(o.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(o.get("expiryReason").asText()).isEqualTo("INSUFFICIENT_LIQUIDITY");
        assertThat(dec(o.get("origQty"))).isEqualByComparingTo("0.01");
        assertThat(dec(o.get("executedQty"))).isEqualByComparingTo("0.004");
        assertThat(fake.account().free("BTC")).isEqualByComparingTo("0.003996");
        assertThat(json(client.get("/api/v3/order", "symbol=BTCUSDT&origClientOrderId=part-1")).get("status").asText()).isEqualTo("EXPIRED");
        assertThat(json(client.market("BTCUSDT", "BUY", "0.01", "part-2")).get("status").asText()).isEqualTo("FILLED");
    }

    @Test
    void filtersAndParametersAreCheckedAsBinanceChecksThem() throws Exception {
        assertError(client.market("BTCUSDT", "BUY", "0.000015", "f-1"), 400, -1013, "Filter failure: LOT_SIZE");
        assertError(client.market("BTCUSDT", "BUY", "0.00002", "f-2"), 400, -1013, "Filter failure: NOTIONAL");
        assertError(client.market("BTCUSDT", "BUY", "150", "f-3"), 400, -1013, "Filter failure: MARKET_LOT_SIZE");
        assertError(client.market("BTCUSDT", "BUY", "0.000000001", "f-4"), 400, -1111, "Parameter 'quantity' has too much precision.");
        assertError(client.market("BTCUSDT", "BUY", "1e-3", "f-5"), 400, -1100,
                "Illegal characters found in parameter 'quantity'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
        assertError(client.market("BTCUSDT", "BUY", "0.001", "has*star"), 400, -1100,
                "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[\\.A-Z\\:/a-z0-9_-]{1,36}$'.");
        assertError(client.market("BTCUSDT", "BUY", "0.001", "x".repeat(37)), 400, -1100,
                "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[\\.A-Z\\:/a-z0-9_-]{1,36}$'.");
        assertThat(client.market("BTCUSDT", "BUY", "0.001", "a.B:c/d_e-" + "9".repeat(26)).statusCode()).isEqualTo(200);
        assertError(client.market("NOPEUSDT", "BUY", "1", "f-6"), 400, -1121, "Invalid symbol.");
        assertError(client.market("BTCUSDT", "HOLD", "1", "f-7"), 400, -1117, "Invalid side.");
        assertError(client.post("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001&price=1&timeInForce=GTC"),
                400, -1116, "Invalid orderType.");
        assertError(client.post("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET"), 400, -1102,
                "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!");
        assertError(client.post("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&timeInForce=GTC"), 400, -1106,
                "Parameter 'timeInForce' sent when not required.");
        assertThat(fake.account().orders()).hasSize(1);
        assertThat(fake.account().free("USDT")).isEqualByComparingTo(new BigDecimal("10000").subtract(btc.multiply(new BigDecimal("0.001"))));
    }

    @Test
    void anOrderTheBalanceCannotPayIsRefusedAndMovesNothing() throws Exception {
        assertError(client.market("BTCUSDT", "BUY", "1", "poor-1"), 400, -2010, "Account has insufficient balance for requested action.");
        assertError(client.market("BTCUSDT", "SELL", "0.001", "poor-2"), 400, -2010, "Account has insufficient balance for requested action.");
        assertThat(fake.account().orders()).isEmpty();
        assertThat(fake.account().free("USDT")).isEqualByComparingTo("10000");
        assertThat(fake.account().sent("poor-1")).isEqualTo(1);
    }

    @Test
    void aClientIdInUseByAnOpenOrderIsADuplicateAndFreeAgainOnceItFilled() throws Exception {
        fake.holdOrders(true);
        JsonNode held = json(client.market("BTCUSDT", "BUY", "0.01", "dup-1"));
        assertThat(held.get("status").asText()).isEqualTo("NEW");
        assertThat(held.get("fills")).isEmpty();
        assertThat(fake.account().locked("USDT")).isEqualByComparingTo(btc.multiply(new BigDecimal("0.01")));
        JsonNode open = json(client.get("/api/v3/openOrders", ""));
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("clientOrderId").asText()).isEqualTo("dup-1");
        assertError(client.market("BTCUSDT", "BUY", "0.01", "dup-1"), 400, -2010, "Duplicate order sent.");
        assertThat(fake.account().sent("dup-1")).isEqualTo(2);
        assertThat(fake.account().orders("dup-1")).hasSize(1);
        fake.holdOrders(false).fillHeld();
        assertThat(json(client.get("/api/v3/order", "symbol=BTCUSDT&origClientOrderId=dup-1")).get("status").asText()).isEqualTo("FILLED");
        assertThat(fake.account().locked("USDT")).isEqualByComparingTo("0");
        assertThat(fake.account().free("BTC")).isEqualByComparingTo("0.00999");
        // Binance accepts the id again once its order is filled: only the "sent" count shows a resend
        assertThat(client.market("BTCUSDT", "BUY", "0.01", "dup-1").statusCode()).isEqualTo(200);
        assertThat(fake.account().orders("dup-1")).hasSize(2);
        assertThat(fake.account().sent("dup-1")).isEqualTo(3);
    }

    @Test
    void anUnknownOrderDoesNotExist() throws Exception {
        assertError(client.get("/api/v3/order", "symbol=BTCUSDT&orderId=42"), 400, -2013, "Order does not exist.");
        assertError(client.get("/api/v3/order", "symbol=BTCUSDT&origClientOrderId=never-sent"), 400, -2013, "Order does not exist.");
        long id = json(client.market("BTCUSDT", "BUY", "0.001", "known")).get("orderId").asLong();
        assertError(client.get("/api/v3/order", "symbol=ETHUSDT&orderId=" + id), 400, -2013, "Order does not exist.");
        assertError(client.get("/api/v3/order", "symbol=BTCUSDT"), 400, -1102,
                "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
    }

    @ParameterizedTest
    @CsvSource({"500,-1001,Internal error; unable to process your request. Please try again.",
            "502,-1006,An unexpected response was received from the message bus. Execution status unknown.",
            "503,-1007,Timeout waiting for response from backend server. Send status unknown; execution status unknown."})
    void anOrderAcceptedThenAnsweredWithA5xxIsBookedAndQueryableByClientId(int status, int code, String msg) throws Exception {
        fake.nextOrder(FakeBinance.bookedThen(status, code));
        client.get("/api/v3/account", "");   // order faults wait for an order
        assertError(client.market("BTCUSDT", "BUY", "0.01", "unknown-1"), status, code, msg);
        assertThat(fake.account().sent("unknown-1")).isEqualTo(1);
        JsonNode o = json(client.get("/api/v3/order", "symbol=BTCUSDT&origClientOrderId=unknown-1"));
        assertThat(o.get("status").asText()).isEqualTo("FILLED");
        assertThat(fake.account().free("BTC")).isEqualByComparingTo("0.00999");
    }

    @Test
    void anOrderWhoseReplyHangsIsBookedAllTheSame() throws Exception {
        fake.nextOrder(new FakeBinance.Fault.Hang(2_000));
        client.timeout = Duration.ofMillis(300);
        assertThatThrownBy(() -> client.market("BTCUSDT", "BUY", "0.01", "hang-1")).isInstanceOf(HttpTimeoutException.class);
        client.timeout = Duration.ofSeconds(10);
        assertThat(json(client.get("/api/v3/order", "symbol=BTCUSDT&origClientOrderId=hang-1")).get("status").asText()).isEqualTo("FILLED");
        assertThat(fake.account().orders("hang-1")).hasSize(1);
    }

    @Test
    void anOrderRefusedByAFaultIsNotBooked() throws Exception {
        fake.nextOrder(FakeBinance.error(400, -2010, "Market is closed."), FakeBinance.status(503, null));
        assertError(client.market("BTCUSDT", "BUY", "0.01", "shut-1"), 400, -2010, "Market is closed.");
        assertError(client.market("BTCUSDT", "BUY", "0.01", "shut-2"), 503, -1001, "Internal error; unable to process your request. Please try again.");
        assertThat(fake.account().orders()).isEmpty();
        assertThat(fake.account().sent("shut-1")).isEqualTo(1);
        assertThat(fake.account().sent("shut-2")).isEqualTo(1);
        assertThat(client.market("BTCUSDT", "BUY", "0.01", "shut-3").statusCode()).isEqualTo(200);
    }
}
