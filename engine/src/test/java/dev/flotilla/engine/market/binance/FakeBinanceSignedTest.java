package dev.flotilla.engine.market.binance;

import static dev.flotilla.engine.market.binance.SignedClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FakeBinance's signed endpoints over real HTTP: keys, signatures, timing, account, queries, exchangeInfo. */
class FakeBinanceSignedTest {

    static final long T0 = Instant.parse("2026-03-02T10:07:30Z").toEpochMilli();
    static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    final AtomicLong clock = new AtomicLong(T0);
    FakeBinance fake;
    SignedClient client;

    @BeforeEach
    void open() throws Exception {
        fake = new FakeBinance(clock::get, 7, T0 - Duration.ofDays(10).toMillis()).apiKey(KEY, SECRET).balance("USDT", "10000");
        client = new SignedClient(fake.url(), clock::get, KEY, SECRET);
    }

    @AfterEach
    void close() {
        fake.close();
    }

    static void assertError(HttpResponse<String> r, int status, int code, String msg) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(json(r).get("code").asInt()).as(r.body()).isEqualTo(code);
        assertThat(json(r).get("msg").asText()).isEqualTo(msg);
    }

    @Test
    void theAccountShowsBalancesRatesAndPermissionsAsStringsWeighingTwenty() throws Exception {
        HttpResponse<String> r = client.get("/api/v3/account", "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode a = json(r);
        assertThat(a.get("canTrade").asBoolean()).isTrue();
        assertThat(a.get("canWithdraw").asBoolean()).isFalse();
        assertThat(a.get("accountType").asText()).isEqualTo("SPOT");
        assertThat(a.get("permissions").toString()).isEqualTo("[\"SPOT\"]");
        assertThat(a.get("takerCommission").asInt()).isEqualTo(10);
        assertThat(a.get("commissionRates").get("taker").isTextual()).isTrue();
        assertThat(a.get("commissionRates").get("taker").asText()).isEqualTo("0.00100000");
        assertThat(a.get("commissionRates").get("buyer").asText()).isEqualTo("0.00000000");
        List<String> assets = new ArrayList<>();
        for (JsonNode b : a.get("balances")) {
            assets.add(b.get("asset").asText());
            if (b.get("asset").asText().equals("USDT")) {
                assertThat(b.get("free").asText()).isEqualTo("10000.00000000");
                assertThat(b.get("locked").asText()).isEqualTo("0.00000000");
            }
        }
        assertThat(assets).contains("USDT", "BTC", "ETH", "BNB");
        assertThat(r.headers().firstValue("X-MBX-USED-WEIGHT-1M")).hasValue("20");
        assertThat(fake.requests().getLast().weight()).isEqualTo(20);

        JsonNode nonZero = json(client.get("/api/v3/account", "omitZeroBalances=true"));
        assertThat(nonZero.get("balances")).hasSize(1);
        assertThat(nonZero.get("balances").get(0).get("asset").asText()).isEqualTo("USDT");
    }

    @Test
    void apiRestrictionsTellTheKeysPermissionsAndWeighOne() throws Exception {
        fake.permissions(false, true);
        HttpResponse<String> r = client.get("/sapi/v1/account/apiRestrictions", "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode a = json(r);
        assertThat(a.get("enableSpotAndMarginTrading").asBoolean()).isFalse();
        assertThat(a.get("enableWithdrawals").asBoolean()).isTrue();
        assertThat(a.get("enableReading").asBoolean()).isTrue();
        assertThat(a.get("ipRestrict").asBoolean()).isFalse();
        assertThat(a.get("createTime").asLong()).isEqualTo(T0);
        assertThat(fake.requests().getLast().weight()).isEqualTo(1);
        // a key that may not trade reads its account but has its orders refused
        assertThat(client.get("/api/v3/account", "").statusCode()).isEqualTo(200);
        assertError(client.market("BTCUSDT", "BUY", "0.001", "no-trade"), 401, -2015, "Invalid API-key, IP, or permissions for action.");
        assertThat(fake.account().orders()).isEmpty();
    }

    @Test
    void anUnknownOrMissingKeyIsRefused() throws Exception {
        client.apiKey = "someone-else";
        assertError(client.get("/api/v3/account", ""), 401, -2015, "Invalid API-key, IP, or permissions for action.");
        client.apiKey = null;
        assertError(client.get("/api/v3/account", ""), 401, -2014, "API-key format invalid.");
    }

    @Test
    void aSignatureMadeWithAnotherSecretOrOverOtherParamsIsRefused() throws Exception {
        client.hmacSecret = "not-the-secret";
        assertError(client.get("/api/v3/account", ""), 400, -1022, "Signature for this request is not valid.");
        client.hmacSecret = SECRET;
        String q = client.stamp("omitZeroBalances=true");
        assertError(client.send("GET", "/api/v3/account", q.replace("true", "false") + "&signature=" + client.sign(q), ""),
                400, -1022, "Signature for this request is not valid.");
        // HMAC signatures are not case-sensitive
        assertThat(client.send("GET", "/api/v3/account", q + "&signature=" + client.sign(q).toUpperCase(), "").statusCode()).isEqualTo(200);
        assertError(client.send("GET", "/api/v3/account", q, ""), 400, -1102,
                "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
    }

    @Test
    void theSignatureCoversTheQueryStringThenTheBody() throws Exception {
        String query = "symbol=BTCUSDT&side=BUY&type=MARKET";
        String body = client.stamp("quantity=0.001&newClientOrderId=mixed-1");
        HttpResponse<String> r = client.send("POST", "/api/v3/order", query, body + "&signature=" + client.sign(query + body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(fake.account().orders("mixed-1")).hasSize(1);
        // signed over the body alone, it is refused
        body = client.stamp("quantity=0.001&newClientOrderId=mixed-2");
        assertError(client.send("POST", "/api/v3/order", query, body + "&signature=" + client.sign(body)), 400, -1022,
                "Signature for this request is not valid.");
        assertThat(fake.account().sent("mixed-2")).isEqualTo(1);
        assertThat(fake.account().orders("mixed-2")).isEmpty();
    }

    @Test
    void anEd25519KeySignsWithBase64() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        fake.apiKeyEd25519("ed-key", pair.getPublic());
        client.apiKey = "ed-key";
        client.ed25519 = pair.getPrivate();
        HttpResponse<String> r = client.get("/api/v3/account", "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(client.market("BTCUSDT", "BUY", "0.001", "ed-1").statusCode()).isEqualTo(200);
        client.ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        assertError(client.get("/api/v3/account", ""), 400, -1022, "Signature for this request is not valid.");
        client.ed25519 = null;   // an HMAC signature for an Ed25519 key
        assertError(client.get("/api/v3/account", ""), 400, -1022, "Signature for this request is not valid.");
    }

    @Test
    void aTimestampOutsideTheWindowIsRefused() throws Exception {
        String outside = "Timestamp for this request is outside of the recvWindow.";
        AtomicLong local = new AtomicLong(T0 - 5_001);   // the computer's clock, behind Binance's
        SignedClient behind = new SignedClient(fake.url(), local::get, KEY, SECRET);
        assertError(behind.get("/api/v3/account", ""), 400, -1021, outside);
        assertThat(behind.get("/api/v3/account", "recvWindow=6000").statusCode()).isEqualTo(200);
        assertThat(behind.get("/api/v3/account", "recvWindow=5001.5").statusCode()).isEqualTo(200);
        assertError(behind.get("/api/v3/account", "recvWindow=60001"), 400, -1130, "Data sent for parameter 'recvWindow' is not valid.");
        local.set(T0 - 5_000);
        assertThat(behind.get("/api/v3/account", "").statusCode()).isEqualTo(200);
        local.set(T0 + 1_000);
        assertError(behind.get("/api/v3/account", ""), 400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        local.set(T0 + 999);
        assertThat(behind.get("/api/v3/account", "").statusCode()).isEqualTo(200);
        // microseconds count as well
        String q = "timestamp=" + (T0 - 6_000) * 1000;
        assertError(behind.send("GET", "/api/v3/account", q + "&signature=" + behind.sign(q), ""), 400, -1021, outside);
    }

    @Test
    void aClockJumpOnTheServerMakesTheNextOrderFailWithMinus1021UntilTheClientResyncs() throws Exception {
        fake.shiftClock(10_000);
        assertError(client.market("BTCUSDT", "BUY", "0.001", "jump-1"), 400, -1021, "Timestamp for this request is outside of the recvWindow.");
        assertThat(fake.account().orders("jump-1")).isEmpty();
        long serverTime = json(client.send("GET", "/api/v3/time", "", "")).get("serverTime").asLong();
        assertThat(serverTime).isEqualTo(T0 + 10_000);
        SignedClient synced = new SignedClient(fake.url(), () -> clock.get() + (serverTime - T0), KEY, SECRET);
        assertThat(synced.market("BTCUSDT", "BUY", "0.001", "jump-1").statusCode()).isEqualTo(200);
        assertThat(fake.account().sent("jump-1")).isEqualTo(2);
        assertThat(fake.account().orders("jump-1")).hasSize(1);
    }

    @Test
    void queriesWeighAsBinanceCountsThem() throws Exception {
        client.market("BTCUSDT", "BUY", "0.001", "w-1");
        assertThat(fake.requests().getLast().weight()).isEqualTo(1);
        client.get("/api/v3/order", "symbol=BTCUSDT&origClientOrderId=w-1");
        assertThat(fake.requests().getLast().weight()).isEqualTo(4);
        client.get("/api/v3/openOrders", "symbol=BTCUSDT");
        assertThat(fake.requests().getLast().weight()).isEqualTo(6);
        client.get("/api/v3/openOrders", "");
        assertThat(fake.requests().getLast().weight()).isEqualTo(80);
        client.get("/api/v3/myTrades", "symbol=BTCUSDT");
        assertThat(fake.requests().getLast().weight()).isEqualTo(20);
        HttpResponse<String> last = client.get("/api/v3/myTrades", "symbol=BTCUSDT&orderId=1");
        assertThat(fake.requests().getLast().weight()).isEqualTo(5);
        assertThat(last.headers().firstValue("X-MBX-USED-WEIGHT-1M")).hasValue(Integer.toString(1 + 4 + 6 + 80 + 20 + 5));
        assertThat(fake.requests().getFirst().method()).isEqualTo("POST");
    }

    @Test
    void exchangeInfoListsEverySymbolsFiltersAndKeepsTheOneSymbolReply() throws Exception {
        JsonNode one = json(client.send("GET", "/api/v3/exchangeInfo", "symbol=BTCUSDT", ""));
        assertThat(one.get("rateLimits").get(0).get("limit").asInt()).isEqualTo(6000);
        assertThat(one.get("symbols")).hasSize(1);
        JsonNode btc = one.get("symbols").get(0);
        assertThat(btc.get("status").asText()).isEqualTo("TRADING");
        assertThat(btc.get("baseAsset").asText()).isEqualTo("BTC");
        assertThat(btc.get("quoteAsset").asText()).isEqualTo("USDT");
        assertThat(btc.get("baseAssetPrecision").asInt()).isEqualTo(8);
        assertThat(filter(btc, "LOT_SIZE").get("stepSize").asText()).isEqualTo("0.00001000");
        assertThat(filter(btc, "PRICE_FILTER").get("tickSize").asText()).isEqualTo("0.01000000");
        assertThat(filter(btc, "NOTIONAL").get("minNotional").asText()).isEqualTo("5.00000000");
        assertThat(filter(btc, "NOTIONAL").get("applyMinToMarket").asBoolean()).isTrue();
        assertThat(filter(btc, "MARKET_LOT_SIZE").get("maxQty").asText()).isEqualTo("100.00000000");
        JsonNode all = json(client.send("GET", "/api/v3/exchangeInfo", "", ""));
        assertThat(all.get("symbols")).hasSize(13);
        JsonNode some = json(client.send("GET", "/api/v3/exchangeInfo", "symbols=%5B%22ETHUSDT%22,%22DOGEUSDT%22%5D", ""));
        assertThat(filter(some.get("symbols").get(0), "LOT_SIZE").get("stepSize").asText()).isEqualTo("0.00010000");
        assertThat(filter(some.get("symbols").get(1), "LOT_SIZE").get("stepSize").asText()).isEqualTo("1.00000000");
        assertError(client.send("GET", "/api/v3/exchangeInfo", "symbol=NOPEUSDT", ""), 400, -1121, "Invalid symbol.");
    }

    static JsonNode filter(JsonNode symbol, String type) {
        for (JsonNode f : symbol.get("filters")) if (f.get("filterType").asText().equals(type)) return f;
        throw new AssertionError("no " + type + " in " + symbol);
    }
}
