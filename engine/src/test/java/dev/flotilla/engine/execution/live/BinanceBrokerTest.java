package dev.flotilla.engine.execution.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.boot.FleetSeeder;
import dev.flotilla.engine.clock.WallClock;
import dev.flotilla.engine.execution.BrokerReply;
import dev.flotilla.engine.execution.OrderRequest;
import dev.flotilla.engine.market.binance.BinanceAccount;
import dev.flotilla.engine.market.binance.BinanceConfig;
import dev.flotilla.engine.market.binance.BinanceMarket;
import dev.flotilla.engine.market.binance.FakeBinance;
import dev.flotilla.engine.market.binance.FakeBinanceAccount;
import dev.flotilla.engine.market.binance.SymbolFilters;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.Order;
import dev.flotilla.engine.model.OrderStatus;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.secrets.ApiKeys;
import dev.flotilla.engine.store.TestStores;
import dev.flotilla.engine.store.Store;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live broker over HTTP against a local server that answers as Binance's signed endpoints do. */
class BinanceBrokerTest {

    static final Symbol BTC = Symbol.parse("BTC/USDT");
    static final String KEY = "test-api-key-0123456789";
    static final String SECRET = "test-secret-which-must-never-be-seen";

    @TempDir
    Path dir;

    FakeBinance fake;
    BinanceMarket market;
    Store store;
    BinanceAccount account;
    BinanceBroker broker;
    BigDecimal price;
    int seq;

    @BeforeEach
    void open() throws Exception {
        long now = System.currentTimeMillis();
        fake = new FakeBinance(System::currentTimeMillis, 7, now - 30L * 86_400_000);
        fake.apiKey(KEY, SECRET).permissions(true, false).balance("USDT", "10000").balance("BTC", "0");
        market = new BinanceMarket(BinanceConfig.defaults(fake.url()).withTimeouts(2_000, 1_000), WallClock.system());
        market.start(Set.of(BTC));
        store = new Store(TestStores.open(dir));
        store.write(tx -> FleetSeeder.seed(tx, List.of(new BotSpec("b1", "ema-rsi", BTC, Timeframe.M15, Map.of(),
                new BigDecimal("10000"))), now));
        broker = broker(new ApiKeys(KEY, SECRET));
        price = market.lastPrices(Set.of(BTC)).get(BTC);
    }

    private BinanceBroker broker(ApiKeys keys) {
        account = new BinanceAccount(market, keys);
        Map<Symbol, SymbolFilters> filters = account.filters(Set.of(BTC));
        return new BinanceBroker(account, store, filters, a -> a.equals("BNB") ? new BigDecimal("600") : null, WallClock.system());
    }

    @AfterEach
    void close() {
        store.close();
        fake.close();
    }

    /** Stores the order PENDING, as the engine does before it sends, and gives its request. */
    private OrderRequest pending(Side side, String qty) {
        String id = "b1-" + String.format("%06d", ++seq);
        long now = System.currentTimeMillis();
        store.write(tx -> tx.insertOrder(new Order(id, "b1", BTC, side, new BigDecimal(qty), price, null, "ENTRY",
                OrderStatus.PENDING, null, now, now, "test")));
        return new OrderRequest(id, "b1", BTC, side, new BigDecimal(qty), price, now);
    }

    private Fill filled(BrokerReply reply) {
        assertThat(reply).isInstanceOf(BrokerReply.Filled.class);
        return ((BrokerReply.Filled) reply).fill();
    }

    /**
     * What a buy gives the bot: the executed quantity less the commission Binance took in the coin, rounded down to the
     * 0.00001 lot step (the dust stays in the account), so that the position can be sold whole.
     */
    private BigDecimal received(String clientOrderId) {
        var o = fake.account().orders(clientOrderId).getFirst();
        BigDecimal coin = o.fills().stream().filter(t -> t.commissionAsset().equals("BTC")).map(FakeBinanceAccount.Fill::commission)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return o.executedQty().subtract(coin).setScale(5, RoundingMode.DOWN);
    }

    private long orderRequests() {
        return fake.requests().stream().filter(r -> r.path().equals("/api/v3/order") && r.query().containsKey("side")).count();
    }

    @Test
    void aMarketOrderIsSentOnceWithFlotillasClientIdRoundedToTheLotStep() {
        OrderRequest r = pending(Side.BUY, "0.0123456789");
        Fill f = filled(broker.submit(r));
        assertThat(f.clientOrderId()).isEqualTo(r.clientOrderId());
        assertThat(fake.account().sent(r.clientOrderId())).isEqualTo(1);
        var booked = fake.account().orders(r.clientOrderId()).getFirst();
        assertThat(booked.origQty()).isEqualByComparingTo("0.01234");  // rounded down to the 0.00001 step before sending
        assertThat(booked.executedQty()).isEqualByComparingTo("0.01234");
        assertThat(f.price()).isEqualByComparingTo(booked.cummulativeQuoteQty().divide(booked.executedQty(), 8, RoundingMode.HALF_EVEN));
        // a buy pays its commission in the coin: the bot holds what the account received, and the fee is its USDT value
        assertThat(booked.fills()).allSatisfy(t -> assertThat(t.commissionAsset()).isEqualTo("BTC"));
        assertThat(f.qty()).isEqualByComparingTo(received(r.clientOrderId())).isLessThan(new BigDecimal("0.01234"));
        assertThat(fake.account().free("BTC")).isGreaterThanOrEqualTo(f.qty()).isLessThan(f.qty().add(new BigDecimal("0.00001")));
        // the ledger spends what Binance took: the quantity at the price plus the fee is the order's USDT
        assertThat(f.qty().multiply(f.price()).add(f.fee())).isCloseTo(booked.cummulativeQuoteQty(), org.assertj.core.data.Offset.offset(new BigDecimal("0.00000100")));
        assertThat(new BigDecimal("10000").subtract(fake.account().free("USDT"))).isEqualByComparingTo(booked.cummulativeQuoteQty());
        assertThat(broker.lookup(r.clientOrderId())).get().extracting(Fill::qty).isEqualTo(f.qty());
    }

    @Test
    void anOrderUnderTheExchangesMinimumIsRefusedBeforeItIsSent() {
        OrderRequest r = pending(Side.BUY, "0.00001");  // well under the 5 USDT minimum notional
        BrokerReply reply = broker.submit(r);
        assertThat(reply).isInstanceOf(BrokerReply.Rejected.class);
        assertThat(((BrokerReply.Rejected) reply).reason()).startsWith(SymbolFilters.SIZE_TOO_SMALL);
        assertThat(orderRequests()).isZero();
    }

    @Test
    void insufficientBalanceIsARejectionAndNothingMoves() {
        OrderRequest r = pending(Side.BUY, "1");  // a whole BTC with 10,000 USDT
        BrokerReply reply = broker.submit(r);
        assertThat(reply).isInstanceOf(BrokerReply.Rejected.class);
        assertThat(((BrokerReply.Rejected) reply).reason()).contains("insufficient balance");
        assertThat(fake.account().free("USDT")).isEqualByComparingTo("10000");
    }

    @Test
    void splitFillsAreOneFillAtTheAveragePriceWithTheirBnbCommissionValuedInUsdt() {
        fake.balance("BNB", "1").splitFills(3).commissionInBnb("600");
        OrderRequest r = pending(Side.BUY, "0.01");
        Fill f = filled(broker.submit(r));
        var trades = fake.account().trades();
        assertThat(trades).hasSize(3);
        BigDecimal bnb = trades.stream().map(FakeBinanceAccount.Fill::commission).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(trades).allSatisfy(t -> assertThat(t.commissionAsset()).isEqualTo("BNB"));
        assertThat(f.fee()).isEqualByComparingTo(bnb.multiply(new BigDecimal("600")).setScale(8, RoundingMode.HALF_UP));
        assertThat(f.qty()).isEqualByComparingTo("0.01");  // the commission is not taken from the coin
        BigDecimal quote = trades.stream().map(t -> t.price().multiply(t.qty())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(f.price()).isEqualByComparingTo(quote.divide(new BigDecimal("0.01"), 8, RoundingMode.HALF_EVEN));
    }

    @Test
    void aPartialFillIsBookedForWhatFilled() {
        fake.partialFill("0.5");
        OrderRequest r = pending(Side.BUY, "0.02");
        Fill f = filled(broker.submit(r));
        assertThat(fake.account().orders(r.clientOrderId()).getFirst().executedQty()).isEqualByComparingTo("0.01");
        assertThat(f.qty()).isEqualByComparingTo(received(r.clientOrderId()));
        assertThat(fake.account().orders(r.clientOrderId()).getFirst().status()).isEqualTo("EXPIRED");
    }

    @Test
    void anOrderAcceptedThenAnsweredWith5xxIsFoundByItsClientIdAndNeverSentAgain() {
        fake.nextOrder(FakeBinance.bookedThen(503, -1007));
        OrderRequest r = pending(Side.BUY, "0.01");
        Fill f = filled(broker.submit(r));
        assertThat(f.qty()).isEqualByComparingTo(received(r.clientOrderId())).isPositive();
        assertThat(fake.account().sent(r.clientOrderId())).isEqualTo(1);
        assertThat(orderRequests()).isEqualTo(1);
    }

    @Test
    void anOrderWhoseAnswerNeverCameIsFoundTheSameWay() {
        fake.nextOrder(new FakeBinance.Fault.Hang(2_500));  // past the 1 s read timeout; the order is booked meanwhile
        OrderRequest r = pending(Side.BUY, "0.01");
        Fill f = filled(broker.submit(r));
        assertThat(f.qty()).isEqualByComparingTo(received(r.clientOrderId())).isPositive();
        assertThat(fake.account().sent(r.clientOrderId())).isEqualTo(1);
    }

    @Test
    void afterARestartAPendingOrderIsLookedUpAndOneNeverSentIsNotFound() {
        OrderRequest sent = pending(Side.BUY, "0.01");
        account.marketOrder(BTC, Side.BUY, new BigDecimal("0.01"), sent.clientOrderId());  // the stopped run sent it
        OrderRequest never = pending(Side.BUY, "0.01");
        BinanceBroker restarted = broker(new ApiKeys(KEY, SECRET));
        assertThat(restarted.lookup(sent.clientOrderId()).orElseThrow().qty()).isEqualByComparingTo(received(sent.clientOrderId()));
        assertThat(restarted.lookup(never.clientOrderId())).isEmpty();
        assertThat(fake.account().sent(never.clientOrderId())).isZero();
    }

    @Test
    void ed25519KeysSignRequestsToo() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        fake.apiKeyEd25519("ed-key-0123456789", pair.getPublic());
        BinanceBroker ed = broker(new ApiKeys("ed-key-0123456789", pem));
        assertThat(account.info().canTrade()).isTrue();
        OrderRequest r = pending(Side.BUY, "0.01");
        assertThat(filled(ed.submit(r)).qty()).isEqualByComparingTo(received(r.clientOrderId()));
    }

    @Test
    void aClockThatDriftedIsMeasuredAgainAndTheRequestSucceeds() {
        fake.shiftClock(20_000);  // Binance's clock jumps: our timestamps fall outside recvWindow
        assertThat(account.info().balances()).containsKey("USDT");
        assertThat(fake.requests().stream().anyMatch(q -> q.status() == 400 && q.body().contains("-1021"))).isTrue();
    }

    @Test
    void aWrongSecretIsRefusedAndNoMessageShowsIt() {
        BinanceAccount wrong = new BinanceAccount(market, new ApiKeys(KEY, "not-the-secret-at-all"));
        assertThatThrownBy(wrong::info).isInstanceOf(BinanceAccount.Refusal.class)
                .satisfies(e -> assertThat(((BinanceAccount.Refusal) e).code).isEqualTo(-1022))
                .hasMessageNotContaining("not-the-secret-at-all").hasMessageNotContaining(SECRET);
    }

    @Test
    void withdrawalPermissionIsSeen() {
        fake.permissions(true, true);
        assertThat(account.restrictions().withdrawals() || account.info().canWithdraw()).isTrue();
    }
}
