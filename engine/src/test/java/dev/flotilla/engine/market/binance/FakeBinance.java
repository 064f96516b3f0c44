package dev.flotilla.engine.market.binance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/**
 * A local stand-in for Binance's Spot REST API on 127.0.0.1: {@code /api/v3/time}, {@code exchangeInfo} (with each
 * symbol's filters), {@code klines} and {@code ticker/price} in Binance's documented JSON (klines as 12-field arrays,
 * prices and volumes as strings), with its own clock, its own request-weight accounting ({@code X-MBX-USED-WEIGHT-1M}
 * on every reply, 429 past the limit, 418 for a client that keeps asking during a 429) and faults a test can queue
 * for one feed, for the next order or for the next request of any kind. The candles are a seeded sandbox path, so
 * strategies trade. The signed account and trading endpoints ({@link FakeBinanceSigned}) need a key registered with
 * {@link #apiKey} or {@link #apiKeyEd25519}; their orders fill at the price ticker/price shows.
 */
public final class FakeBinance implements AutoCloseable {

    /** One request as the server saw it. */
    public record Request(String path, Map<String, String> query, long serverTime, int weight, int status, String body,
                          String method) {
        public boolean isKlines() {
            return path.endsWith("/klines");
        }

        public String feedKey() {
            return query.get("symbol") + " " + query.get("interval");
        }
    }

    public sealed interface Fault {
        /** A refusal before anything is done; {@code msg} null for Binance's message of the code. */
        record Status(int status, Integer retryAfterSeconds, int code, boolean jsonBody, String msg) implements Fault {
            Status(int status, Integer retryAfterSeconds, int code, boolean jsonBody) {
                this(status, retryAfterSeconds, code, jsonBody, null);
            }
        }

        /** The request is carried out (an order booked and filled), then the reply is this error instead of the result. */
        record Booked(int status, int code) implements Fault {
        }

        /** The reply comes only after {@code holdMs} of real time, when the client has given up. */
        record Hang(long holdMs) implements Fault {
        }

        enum Data implements Fault { MALFORMED_JSON, GAP, DUPLICATE, OPEN_CANDLE, HIGH_BELOW_LOW, OUT_OF_ORDER }
    }

    public static Fault status(int status, Integer retryAfterSeconds) {
        int code = status == 429 || status == 418 ? -1003 : status >= 500 ? -1001 : -1000;
        return new Fault.Status(status, retryAfterSeconds, code, status != 502);
    }

    public static Fault error(int status, int code) {
        return new Fault.Status(status, null, code, true);
    }

    /** A refusal with Binance's body {@code {"code":code,"msg":msg}}, e.g. {@code error(400, -2010, "Market is closed.")}. */
    public static Fault error(int status, int code, String msg) {
        return new Fault.Status(status, null, code, true, msg);
    }

    /**
     * The request is carried out, then answered with an error: 500, 502 or 503 with -1001, -1006 or -1007 is what
     * Binance sends when an order's execution status is unknown to its API.
     */
    public static Fault bookedThen(int status, int code) {
        return new Fault.Booked(status, code);
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final LongSupplier clock;
    private final FakeBinanceCandles candles;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Fault>> feedFaults = new ConcurrentHashMap<>();
    private final Deque<Fault> nextFaults = new ArrayDeque<>();
    private final Deque<Map.Entry<Long, Fault>> timedFaults = new ArrayDeque<>();
    private final Deque<Fault> orderFaults = new ArrayDeque<>();
    private final FakeBinanceSymbols symbols;
    private final FakeBinanceSigned signed;
    private volatile long clockShift;
    private volatile int weightLimit = 6_000;
    private volatile long otherProgramsWeight;
    private long minute = Long.MIN_VALUE;
    private long minuteWeight;
    private long throttledUntil;
    private int violations;

    /**
     * @param clock  the server's time (epoch ms)
     * @param seed   seed of the sandbox path the candles come from
     * @param origin where that path starts; nothing earlier is served
     */
    public FakeBinance(LongSupplier clock, long seed, long origin) throws IOException {
        this.clock = clock;
        SandboxMarket live = new SandboxMarket(seed, origin, this::now);
        live.lastPrices(SandboxMarket.DEFAULT_SYMBOLS);   // generates the paths up to now before a client times out
        this.candles = new FakeBinanceCandles(new SandboxMarket(seed, origin, () -> Long.MAX_VALUE), live);
        this.symbols = new FakeBinanceSymbols(live);
        this.signed = new FakeBinanceSigned(symbols);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long now() {
        return clock.getAsLong() + clockShift;
    }

    /** Moves the server's clock by {@code ms} (a jump: signed requests timed by the old clock fall outside recvWindow). */
    public FakeBinance shiftClock(long ms) {
        clockShift += ms;
        return this;
    }

    /** Registers the one API key signed requests use, an HMAC-SHA256 key; it may trade, not withdraw. */
    public FakeBinance apiKey(String key, String hmacSecret) {
        signed.keys.hmac(key, hmacSecret, now());
        return this;
    }

    /** Registers the one API key signed requests use, an Ed25519 key given by its public half. */
    public FakeBinance apiKeyEd25519(String key, PublicKey publicKey) {
        signed.keys.ed25519(key, publicKey, now());
        return this;
    }

    /** The key's permissions: without canTrade, orders get -2015. */
    public FakeBinance permissions(boolean canTrade, boolean canWithdraw) {
        signed.keys.permissions(canTrade, canWithdraw);
        return this;
    }

    /** Sets the free balance of an asset. */
    public FakeBinance balance(String asset, String free) {
        signed.account.balance(asset, new BigDecimal(free));
        return this;
    }

    /** The account's commission rates (both 0.001 unless set). */
    public FakeBinance commissionRates(String maker, String taker) {
        signed.account.commissionRates(new BigDecimal(maker), new BigDecimal(taker));
        return this;
    }

    /** Market orders fill in {@code n} trades from now on, each one tick worse than the one before. */
    public FakeBinance splitFills(int n) {
        signed.account.splitFills(n);
        return this;
    }

    /** Commission is paid in BNB (25% off, at this BNB price in the quote asset) while the BNB balance covers it; null: off. */
    public FakeBinance commissionInBnb(String bnbPrice) {
        signed.account.commissionInBnb(bnbPrice == null ? null : new BigDecimal(bnbPrice));
        return this;
    }

    /** The next market order fills only this fraction of its quantity (on the step) and ends EXPIRED, the book run out. */
    public FakeBinance partialFill(String fraction) {
        signed.account.partialFill(new BigDecimal(fraction));
        return this;
    }

    /** While on, market orders are accepted and stay NEW (open, funds locked) until {@link #fillHeld}. */
    public FakeBinance holdOrders(boolean hold) {
        signed.account.holdOrders(hold);
        return this;
    }

    /** Fills every order held open, at the current price. */
    public FakeBinance fillHeld() {
        signed.account.fillHeld(now(), r -> price(r.symbol(), now()));
        return this;
    }

    /** The books: balances, orders (by client id), how often each client id was sent, trades. */
    public FakeBinanceAccount account() {
        return signed.account;
    }

    /** Faults for the next {@code POST /api/v3/order} requests, in order, one per request. */
    public synchronized FakeBinance nextOrder(Fault... faults) {
        orderFaults.addAll(List.of(faults));
        return this;
    }

    /** Binance's REQUEST_WEIGHT limit per minute, as exchangeInfo lists and the server enforces it. */
    public FakeBinance weightLimit(int perMinute) {
        this.weightLimit = perMinute;
        return this;
    }

    /** Weight other programs on the same IP spend every minute; it shows in X-MBX-USED-WEIGHT-1M. */
    FakeBinance otherPrograms(long weightPerMinute) {
        this.otherProgramsWeight = weightPerMinute;
        return this;
    }

    /** Faults for the next klines requests of one feed, in order, one per request. */
    FakeBinance faults(Feed feed, Fault... faults) {
        feedFaults.computeIfAbsent(key(feed), k -> new ArrayDeque<>()).addAll(List.of(faults));
        return this;
    }

    /** Faults for the next requests of any kind, in order. */
    public synchronized FakeBinance next(Fault... faults) {
        nextFaults.addAll(List.of(faults));
        return this;
    }

    /** A fault for the first request of any kind that arrives at or after server time {@code at}. */
    synchronized FakeBinance at(long at, Fault fault) {
        timedFaults.add(Map.entry(at, fault));
        return this;
    }

    boolean faultsLeft(Feed feed) {
        Deque<Fault> q = feedFaults.get(key(feed));
        return q != null && !q.isEmpty();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> klines() {
        return requests.stream().filter(Request::isKlines).toList();
    }

    /** Requests the server refused for going over its limit, or for asking during a 429 (each a 429 or 418 it sent itself). */
    public synchronized int violations() {
        return violations;
    }

    static String key(Feed feed) {
        return feed.symbol().compact() + " " + feed.timeframe().label();
    }

    static int weight(String method, String path, Map<String, String> query) {
        return switch (path) {
            case "/api/v3/time", "/sapi/v1/account/apiRestrictions" -> 1;
            case "/api/v3/order" -> method.equals("POST") ? 1 : 4;
            case "/api/v3/openOrders" -> query.containsKey("symbol") ? 6 : 80;
            case "/api/v3/account" -> 20;
            case "/api/v3/myTrades" -> query.containsKey("orderId") ? 5 : 20;
            case "/api/v3/exchangeInfo" -> 20;
            case "/api/v3/klines" -> 2;
            case "/api/v3/ticker/price" -> query.containsKey("symbol") ? 2 : 4;
            default -> 1;
        };
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            String rawQuery = ex.getRequestURI().getRawQuery();
            String rawBody = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> query = query(rawQuery);
            query(rawBody).forEach(query::putIfAbsent);   // Binance: a parameter in both, the query string's is used
            long now = now();
            int weight = weight(method, path, query);
            boolean order = method.equals("POST") && path.equals("/api/v3/order");
            Fault fault;
            long used;
            int status = 200;
            synchronized (this) {
                fault = nextFaults.poll();
                if (fault == null && !timedFaults.isEmpty() && now >= timedFaults.peekFirst().getKey()) {
                    fault = timedFaults.poll().getValue();
                }
                if (fault == null && order) fault = orderFaults.poll();
                if (fault == null && path.equals("/api/v3/klines")) {
                    Deque<Fault> q = feedFaults.get(query.get("symbol") + " " + query.get("interval"));
                    fault = q == null ? null : q.poll();
                }
                long m = Math.floorDiv(now, 60_000);
                if (m != minute) {
                    minute = m;
                    minuteWeight = 0;
                }
                minuteWeight += weight;
                used = minuteWeight + otherProgramsWeight;
                if (now < throttledUntil) {
                    fault = new Fault.Status(418, 120, -1003, true);
                    violations++;
                } else if (used > weightLimit) {
                    long retry = Math.ceilDiv((m + 1) * 60_000 - now, 1000);
                    throttledUntil = (m + 1) * 60_000;
                    fault = new Fault.Status(429, (int) retry, -1003, true);
                    violations++;
                }
                if (fault instanceof Fault.Status s) status = s.status();
            }
            ex.getResponseHeaders().add("X-MBX-USED-WEIGHT-1M", Long.toString(used));
            switch (fault) {
                case Fault.Status s -> {
                    if (s.retryAfterSeconds() != null) ex.getResponseHeaders().add("Retry-After", s.retryAfterSeconds().toString());
                    if (order) signed.account.arrived(query);
                    String body = s.jsonBody() ? new BinanceSignature.Refusal(s.status(), s.code(),
                            s.msg() != null ? s.msg() : BinanceSignature.message(s.status(), s.code())).body()
                            : "<html><body>" + s.status() + " Bad Gateway</body></html>";
                    requests.add(new Request(path, query, now, weight, status, body, method));
                    reply(ex, s.status(), body, s.jsonBody());
                    return;
                }
                case null, default -> {
                }
            }
            // the reply is made (and the request recorded) on arrival, whenever it is sent
            FakeBinanceSigned.Reply reply;
            if (FakeBinanceSigned.handles(method, path)) {
                reply = signed.handle(method, path, ex.getRequestHeaders().getFirst("X-MBX-APIKEY"), rawQuery, rawBody, query, now,
                        r -> price(r.symbol(), now));
            } else {
                String body = switch (path) {
                    case "/api/v3/time" -> "{\"serverTime\":" + now + "}";
                    case "/api/v3/exchangeInfo" -> symbols.exchangeInfo(now, weightLimit, query.get("symbol"), query.get("symbols"));
                    case "/api/v3/klines" -> candles.klines(query, now, fault instanceof Fault.Data d ? d : null);
                    case "/api/v3/ticker/price" -> candles.prices(query, now);
                    default -> null;
                };
                reply = body == null ? new FakeBinanceSigned.Reply(404, "{\"code\":-1000,\"msg\":\"no such endpoint\"}", Map.of())
                        : body.startsWith("!") ? new FakeBinanceSigned.Reply(400, body.substring(1), Map.of())
                        : new FakeBinanceSigned.Reply(200, body, Map.of());
            }
            if (fault instanceof Fault.Booked b) {
                String body = new BinanceSignature.Refusal(b.status(), b.code(), BinanceSignature.message(b.status(), b.code())).body();
                reply = new FakeBinanceSigned.Reply(b.status(), body, Map.of());
            }
            requests.add(new Request(path, query, now, weight, reply.status(),
                    path.endsWith("/price") || FakeBinanceSigned.PATHS.contains(path) ? reply.body() : null, method));
            if (fault instanceof Fault.Hang h) {
                try {
                    Thread.sleep(h.holdMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            reply.headers().forEach(ex.getResponseHeaders()::add);
            reply(ex, reply.status(), reply.body(), true);
        } catch (IOException e) {
            // the client gave up (a timeout): nothing to answer
        } catch (RuntimeException e) {
            // a bug in this fake must not look like a timeout
            System.err.println("FakeBinance failed on " + ex.getRequestURI() + ": " + e);
            e.printStackTrace();
            throw e;
        }
    }

    private static void reply(HttpExchange ex, int status, String body, boolean json) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", json ? "application/json;charset=UTF-8" : "text/html");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return q;
        for (String part : raw.split("&")) {
            int i = part.indexOf('=');
            String k = URLDecoder.decode(i < 0 ? part : part.substring(0, i), StandardCharsets.UTF_8);
            String v = i < 0 ? "" : URLDecoder.decode(part.substring(i + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    /** The last trade price at the server's present, on the sandbox path. */
    BigDecimal price(Symbol s, long now) {
        return candles.price(s);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
