package dev.flotilla.engine.market.binance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * A local stand-in for Binance's Spot REST API on 127.0.0.1: {@code /api/v3/time}, {@code exchangeInfo},
 * {@code klines} and {@code ticker/price} in Binance's documented JSON (klines as 12-field arrays, prices and
 * volumes as strings), with its own clock, its own request-weight accounting ({@code X-MBX-USED-WEIGHT-1M} on every
 * reply, 429 past the limit, 418 for a client that keeps asking during a 429) and faults a test can queue for
 * one feed or for the next request of any kind. The candles are a seeded sandbox path, so strategies trade.
 */
public final class FakeBinance implements AutoCloseable {

    /** One request as the server saw it. */
    public record Request(String path, Map<String, String> query, long serverTime, int weight, int status, String body) {
        public boolean isKlines() {
            return path.endsWith("/klines");
        }

        public String feedKey() {
            return query.get("symbol") + " " + query.get("interval");
        }
    }

    public sealed interface Fault {
        record Status(int status, Integer retryAfterSeconds, int code, boolean jsonBody) implements Fault {
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

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final LongSupplier clock;
    private final SandboxMarket data;
    private final SandboxMarket live;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Fault>> feedFaults = new ConcurrentHashMap<>();
    private final Deque<Fault> nextFaults = new ArrayDeque<>();
    private final Deque<Map.Entry<Long, Fault>> timedFaults = new ArrayDeque<>();
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
        this.data = new SandboxMarket(seed, origin, () -> Long.MAX_VALUE);
        this.live = new SandboxMarket(seed, origin, clock::getAsLong);
        live.lastPrices(SandboxMarket.DEFAULT_SYMBOLS);   // generates the paths up to now before a client times out
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long now() {
        return clock.getAsLong();
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

    static int weight(String path, Map<String, String> query) {
        return switch (path) {
            case "/api/v3/time" -> 1;
            case "/api/v3/exchangeInfo" -> 20;
            case "/api/v3/klines" -> 2;
            case "/api/v3/ticker/price" -> query.containsKey("symbol") ? 2 : 4;
            default -> 1;
        };
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            long now = now();
            int weight = weight(path, query);
            Fault fault;
            long used;
            int status = 200;
            synchronized (this) {
                fault = nextFaults.poll();
                if (fault == null && !timedFaults.isEmpty() && now >= timedFaults.peekFirst().getKey()) {
                    fault = timedFaults.poll().getValue();
                }
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
                    String body = s.jsonBody() ? "{\"code\":" + s.code() + ",\"msg\":\"" + message(s.status()) + "\"}"
                            : "<html><body>" + s.status() + " Bad Gateway</body></html>";
                    requests.add(new Request(path, query, now, weight, status, body));
                    reply(ex, s.status(), body, s.jsonBody());
                    return;
                }
                case null, default -> {
                }
            }
            // the reply is made (and the request recorded) on arrival, whenever it is sent
            String body = switch (path) {
                case "/api/v3/time" -> "{\"serverTime\":" + now + "}";
                case "/api/v3/exchangeInfo" -> exchangeInfo(now, query.get("symbol"));
                case "/api/v3/klines" -> klines(query, now, fault instanceof Fault.Data d ? d : null);
                case "/api/v3/ticker/price" -> prices(query, now);
                default -> null;
            };
            requests.add(new Request(path, query, now, weight, body == null ? 404 : body.startsWith("!") ? 400 : status,
                    path.endsWith("/price") ? body : null));
            if (fault instanceof Fault.Hang h) {
                try {
                    Thread.sleep(h.holdMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (body == null) {
                reply(ex, 404, "{\"code\":-1000,\"msg\":\"no such endpoint\"}", true);
            } else if (body.startsWith("!")) {
                reply(ex, 400, body.substring(1), true);
            } else {
                reply(ex, 200, body, true);
            }
        } catch (IOException e) {
            // the client gave up (a timeout): nothing to answer
        } catch (RuntimeException e) {
            // a bug in this fake must not look like a timeout
            System.err.println("FakeBinance failed on " + ex.getRequestURI() + ": " + e);
            e.printStackTrace();
            throw e;
        }
    }

    private static String message(int status) {
        return switch (status) {
            case 429 -> "Too many requests; current limit of IP is exceeded. Please use the websocket for live updates.";
            case 418 -> "Way too many requests; IP banned.";
            default -> "An unknown error occurred while processing the request.";
        };
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

    private String exchangeInfo(long now, String symbol) {
        return "{\"timezone\":\"UTC\",\"serverTime\":" + now + ",\"rateLimits\":["
                + "{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":" + weightLimit + "},"
                + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":100},"
                + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"DAY\",\"intervalNum\":1,\"limit\":200000},"
                + "{\"rateLimitType\":\"RAW_REQUESTS\",\"interval\":\"MINUTE\",\"intervalNum\":5,\"limit\":61000}],"
                + "\"exchangeFilters\":[],\"symbols\":[{\"symbol\":\"" + symbol + "\",\"status\":\"TRADING\"}]}";
    }

    private static Feed feed(Map<String, String> q) {
        String s = q.getOrDefault("symbol", "");
        if (!s.endsWith("USDT")) return null;
        Symbol symbol = new Symbol(s.substring(0, s.length() - 4), "USDT");
        if (!SandboxMarket.DEFAULT_SYMBOLS.contains(symbol)) return null;
        try {
            return new Feed(symbol, Timeframe.parse(q.get("interval")));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Binance's rules: open times from startTime up to endTime and up to now (the open candle included), at most limit. */
    private String klines(Map<String, String> q, long now, Fault.Data fault) {
        Feed feed = feed(q);
        if (feed == null) return "!{\"code\":-1121,\"msg\":\"Invalid symbol.\"}";
        if (fault == Fault.Data.MALFORMED_JSON) return "[[1700000000000,\"1.0\",\"2.0\"";
        long len = feed.timeframe().millis();
        int limit = Math.min(1000, Integer.parseInt(q.getOrDefault("limit", "500")));
        long lastOpen = Math.floorDiv(now, len) * len;
        if (q.containsKey("endTime")) lastOpen = Math.min(lastOpen, Math.floorDiv(Long.parseLong(q.get("endTime")), len) * len);
        long first = q.containsKey("startTime") ? Math.ceilDiv(Long.parseLong(q.get("startTime")), len) * len
                : lastOpen - (long) (limit - 1) * len;
        List<Candle> rows = new ArrayList<>();
        if (first <= lastOpen) {
            long closedBy = Math.min(lastOpen + len, Math.floorDiv(now, len) * len);
            rows.addAll(data.closedCandles(feed, first, closedBy, limit));
            boolean open = lastOpen + len > now;
            if (open && rows.size() < limit) rows.addAll(data.closedCandles(feed, lastOpen, lastOpen + len, 1));
        }
        boolean forming = !rows.isEmpty() && rows.getLast().openTime() + len > now;
        if (fault != null) {
            switch (fault) {
                case GAP -> {
                    if (!rows.isEmpty()) rows.remove(rows.size() > 2 ? rows.size() / 2 : 0);
                }
                case DUPLICATE -> {
                    if (!rows.isEmpty()) rows.add(rows.getLast());
                }
                case OPEN_CANDLE -> {
                    if (!forming) rows.add(data.closedCandles(feed, lastOpen(now, len), lastOpen(now, len) + len, 1).getFirst());
                }
                case HIGH_BELOW_LOW -> {
                    if (!rows.isEmpty()) {
                        Candle c = rows.removeLast();
                        rows.add(new Candle(c.openTime(), c.open(), c.low() * 0.99, c.high(), c.close(), c.volume()));
                    }
                }
                case OUT_OF_ORDER -> {
                    if (rows.size() >= 2) rows.add(rows.removeFirst());
                    else if (rows.size() == 1) rows.addAll(data.closedCandles(feed, rows.getFirst().openTime() - len, rows.getFirst().openTime(), 1));
                }
                default -> {
                }
            }
        }
        StringBuilder sb = new StringBuilder("[");
        for (Candle c : rows) {
            if (sb.length() > 1) sb.append(',');
            long open = c.openTime();
            sb.append('[').append(open).append(',').append(str(c.open())).append(',').append(str(c.high())).append(',')
                    .append(str(c.low())).append(',').append(str(c.close())).append(',').append(str(c.volume())).append(',')
                    .append(open + len - 1).append(',').append(str(c.volume() * c.close())).append(',')
                    .append(100 + Math.floorMod(open / 1000, 900)).append(',').append(str(c.volume() / 2)).append(',')
                    .append(str(c.volume() * c.close() / 2)).append(",\"0\"]");
        }
        return sb.append(']').toString();
    }

    private static long lastOpen(long now, long len) {
        return Math.floorDiv(now, len) * len;
    }

    private String prices(Map<String, String> q, long now) {
        List<Symbol> asked = new ArrayList<>();
        if (q.containsKey("symbols")) {
            String list = q.get("symbols").replaceAll("[\\[\\]\" ]", "");
            for (String s : list.split(",")) {
                Feed f = feed(Map.of("symbol", s, "interval", "1h"));
                if (f == null) return "!{\"code\":-1121,\"msg\":\"Invalid symbol.\"}";
                asked.add(f.symbol());
            }
        } else {
            asked.addAll(SandboxMarket.DEFAULT_SYMBOLS);
        }
        StringBuilder sb = new StringBuilder("[");
        for (Symbol s : asked) {
            if (sb.length() > 1) sb.append(',');
            sb.append("{\"symbol\":\"").append(s.compact()).append("\",\"price\":\"").append(price(s, now).toPlainString())
                    .append("\"}");
        }
        if (!q.containsKey("symbols")) sb.append(",{\"symbol\":\"ETHBTC\",\"price\":\"0.03500000\"}");
        return sb.append(']').toString();
    }

    /** The last trade price at the server's present, on the sandbox path. */
    BigDecimal price(Symbol s, long now) {
        return live.lastPrices(List.of(s)).get(s).setScale(8, RoundingMode.HALF_EVEN);
    }

    private static String str(double v) {
        return "\"" + BigDecimal.valueOf(v).setScale(8, RoundingMode.HALF_EVEN).toPlainString() + "\"";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
