package dev.flotilla.engine.market.binance;

import dev.flotilla.engine.api.MarketStatus;
import dev.flotilla.engine.market.MarketDataException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.binance.dto.BinanceException;
import org.knowm.xchange.client.ExchangeRestProxyBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import si.mazi.rescu.HttpStatusIOException;

/**
 * The one way requests reach Binance. Before a request: nothing at all is sent while a 429 or 418 is in force,
 * and the request's weight must fit the {@link WeightBudget}. After it: the used weight Binance reports is
 * taken into account, a 429 or 418 blocks every request until its Retry-After has passed (and says so once as a
 * warning), a timestamp error (-1021) has the clock measured again, and every failure becomes a
 * {@link MarketDataException}. XChange's own retry and rate limiter stay off: retrying is the engine's business
 * (per feed, with backoff) and the budget is this class's.
 */
final class BinanceGateway {

    private static final Logger log = LoggerFactory.getLogger(BinanceGateway.class);

    /** Binance's documented Retry-After is always sent; these cover a reply that lacks it. */
    static final long DEFAULT_429_MS = 60_000;
    static final long DEFAULT_418_MS = 120_000;
    /** After this many requests in a row got no answer, requests fail at once for a while instead of each timing out. */
    static final int UNREACHABLE_AFTER = 3;
    static final long UNREACHABLE_MAX_MS = 60_000;

    private final BinanceConfig config;
    private final BinanceExchange exchange;
    private final BinanceRest rest;
    private final ServerClock clock;
    private final WeightBudget budget;
    private final ConcurrentLinkedQueue<String> warnings = new ConcurrentLinkedQueue<>();
    private volatile long blockedUntil;   // local time
    private volatile boolean banned;
    private volatile MarketStatus.State state = MarketStatus.State.OK;
    private volatile String detail = "not asked yet";
    private volatile long warnedHeavyMinute = Long.MIN_VALUE;
    private int noAnswerInARow;
    private volatile long quietUntil;     // local time: no request while Binance does not answer

    BinanceGateway(BinanceConfig config, ServerClock clock) {
        this.config = config;
        this.clock = clock;
        this.budget = new WeightBudget(config.defaultWeightLimit(), config.budgetShare());
        ExchangeSpecification spec = new ExchangeSpecification(BinanceExchange.class);
        spec.setSslUri(config.baseUrl());
        spec.setHost(java.net.URI.create(config.baseUrl()).getHost());
        spec.setExchangeName("Binance");
        spec.setShouldLoadRemoteMetaData(false);
        spec.setHttpConnTimeout(config.connectTimeoutMs());
        spec.setHttpReadTimeout(config.readTimeoutMs());
        spec.getResilience().setRetryEnabled(false);
        spec.getResilience().setRateLimiterEnabled(false);
        this.exchange = (BinanceExchange) ExchangeFactory.INSTANCE.createExchange(spec);
        this.rest = ExchangeRestProxyBuilder.forInterface(BinanceRest.class, exchange.getExchangeSpecification()).build();
    }

    /** The process's one XChange exchange, for whatever else needs Binance (a live broker, later). */
    BinanceExchange exchange() {
        return exchange;
    }

    WeightBudget budget() {
        return budget;
    }

    ServerClock clock() {
        return clock;
    }

    /** Binance answered with an error status; {@code code} is Binance's error code (e.g. -1121), or 0. */
    static final class Refused extends MarketDataException {
        final int status;
        final int code;

        Refused(String message, long notBefore, int status, int code, Throwable cause) {
            super(message, notBefore, cause);
            this.status = status;
            this.code = code;
        }
    }

    interface Call<T extends BinanceRest.Headers> {
        T send(BinanceRest rest) throws IOException;
    }

    /** A request through another of this exchange's REST proxies (the signed account endpoints). */
    interface Via<P, T extends BinanceRest.Headers> {
        T send(P proxy) throws IOException;
    }

    /** A REST proxy of another interface on this gateway's exchange (the same URL, timeouts and JSON mapping). */
    <P> P proxy(Class<P> restInterface) {
        return ExchangeRestProxyBuilder.forInterface(restInterface, exchange.getExchangeSpecification()).build();
    }

    <T extends BinanceRest.Headers> T send(String what, int weight, long maxWaitMs, Call<T> call) {
        return send(what, weight, maxWaitMs, rest, call::send);
    }

    /**
     * Sends one request of the given weight.
     *
     * @param maxWaitMs how long the caller accepts to wait for room in the budget before giving up
     */
    <P, T extends BinanceRest.Headers> T send(String what, int weight, long maxWaitMs, P proxy, Via<P, T> call) {
        long blocked = blockedUntil;
        if (clock.local().now() < blocked) {
            throw new MarketDataException(what + ": no request is sent to Binance until "
                    + Instant.ofEpochMilli(clock.toServer(blocked)) + " (" + (banned ? "418 IP ban" : "429 rate limit") + ")",
                    clock.toServer(blocked), null);
        }
        long quiet = quietUntil;
        if (clock.local().now() < quiet) {
            throw new MarketDataException(what + ": Binance did not answer the last " + noAnswerInARow
                    + " requests; the next try is at " + Instant.ofEpochMilli(clock.toServer(quiet)));
        }
        reserve(what, weight, maxWaitMs);
        try {
            T reply = call.send(proxy);
            if (reply == null) throw new IOException("empty reply");
            answered();
            weightHeader(reply.header("X-MBX-USED-WEIGHT-1M"));
            state = MarketStatus.State.OK;
            detail = "last request ok: " + what;
            return reply;
        } catch (BinanceException e) {
            answered();
            weightHeader(header(e.getResponseHeaders(), "X-MBX-USED-WEIGHT-1M"));
            throw refused(what, e.getHttpStatusCode(), e.getCode(), e.getMessage(),
                    header(e.getResponseHeaders(), "Retry-After"), e);
        } catch (HttpStatusIOException e) {
            answered();
            weightHeader(header(e.getResponseHeaders(), "X-MBX-USED-WEIGHT-1M"));
            throw refused(what, e.getHttpStatusCode(), 0, e.getMessage(), header(e.getResponseHeaders(), "Retry-After"), e);
        } catch (SocketTimeoutException | ConnectException | UnknownHostException e) {
            noAnswer();
            return failed(what, MarketStatus.State.UNREACHABLE, "no answer from " + config.baseUrl() + ": " + e, e);
        } catch (IOException | RuntimeException e) {
            // malformed JSON, a broken connection, a reply rescu could not map
            return failed(what, MarketStatus.State.DEGRADED, "unusable reply: " + e, e);
        }
    }

    private synchronized void answered() {
        noAnswerInARow = 0;
    }

    /**
     * A request got no answer. From the third in a row on, requests fail at once for 5 s, 10 s, 20 s ... up to a
     * minute (the engine thread would otherwise spend a timeout on every feed), then one is let through to try.
     */
    private synchronized void noAnswer() {
        noAnswerInARow++;
        if (noAnswerInARow < UNREACHABLE_AFTER) return;
        long pause = Math.min(UNREACHABLE_MAX_MS, 5_000L << Math.min(noAnswerInARow - UNREACHABLE_AFTER, 10));
        quietUntil = clock.local().now() + pause;
        log.warn("Binance at {} did not answer {} requests in a row; no request for {} s", config.baseUrl(), noAnswerInARow,
                pause / 1000);
    }

    private void reserve(String what, int weight, long maxWaitMs) {
        while (true) {
            long wait = budget.tryAcquire(weight, clock.local().now(), clock.now());
            if (wait == 0) return;
            if (wait > maxWaitMs) {
                long at = clock.now() + wait;
                throw new MarketDataException(what + ": the request weight budget of " + budget.budget()
                        + "/min is used up until " + Instant.ofEpochMilli(at), at, null);
            }
            log.debug("{}: waiting {} ms for room in the request weight budget", what, wait);
            try {
                clock.local().sleepUntil(clock.local().now() + wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MarketDataException(what + ": interrupted while waiting for the request weight budget");
            }
        }
    }

    private <T> T failed(String what, MarketStatus.State s, String message, Exception cause) {
        state = s;
        detail = what + ": " + message;
        log.debug("{}: {}", what, message);
        throw new MarketDataException(what + ": " + message, 0, cause);
    }

    private Refused refused(String what, int status, int code, String message, String retryAfter, Exception cause) {
        if (status == 429 || status == 418) {
            long ms = retryAfterMs(retryAfter, status == 418 ? DEFAULT_418_MS : DEFAULT_429_MS);
            long until = clock.local().now() + ms;
            banned = status == 418;
            blockedUntil = Math.max(blockedUntil, until);
            state = banned ? MarketStatus.State.BANNED : MarketStatus.State.RATE_LIMITED;
            String text = "Binance answered " + status + (banned ? " (IP banned)" : " (too many requests)") + " to " + what
                    + ": no request until " + Instant.ofEpochMilli(clock.toServer(blockedUntil)) + " (Retry-After "
                    + (retryAfter == null ? "missing, assumed " + ms / 1000 : retryAfter) + " s)";
            detail = text;
            warnings.add(text);
            log.warn(text);
            return new Refused(what + ": " + text, clock.toServer(blockedUntil), status, code, cause);
        }
        if (code == -1021) {
            clock.invalidate();
            log.warn("{}: Binance says the timestamp is outside the receive window; the clock is measured again", what);
        }
        state = MarketStatus.State.DEGRADED;
        detail = what + ": Binance answered " + status + (code != 0 ? " code " + code : "") + ": " + message;
        log.debug(detail);
        return new Refused(detail, 0, status, code, cause);
    }

    private static long retryAfterMs(String header, long fallback) {
        if (header == null) return fallback;
        try {
            long s = Long.parseLong(header.trim());
            return s >= 0 ? s * 1000 : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private void weightHeader(String value) {
        if (value == null) return;
        long used;
        try {
            used = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return;
        }
        long serverNow = clock.now();
        budget.reported(used, serverNow);
        long minute = Math.floorDiv(serverNow, WeightBudget.MINUTE);
        if (used > budget.budget() && warnedHeavyMinute != minute) {
            warnedHeavyMinute = minute;
            String text = String.format(Locale.ROOT, "Binance counts %d of %d request weight used by this IP this minute "
                    + "(other programs included); Flotilla holds its requests back", used, budget.limit());
            warnings.add(text);
            log.warn(text);
        }
    }

    private static String header(java.util.Map<String, List<String>> headers, String name) {
        if (headers == null) return null;
        for (var e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
        }
        return null;
    }

    List<String> drainWarnings() {
        List<String> out = new java.util.ArrayList<>();
        String w;
        while ((w = warnings.poll()) != null) out.add(w);
        return out;
    }

    MarketStatus status() {
        long localNow = clock.local().now();
        boolean blocked = localNow < blockedUntil;
        MarketStatus.State s = blocked ? (banned ? MarketStatus.State.BANNED : MarketStatus.State.RATE_LIMITED)
                : state == MarketStatus.State.RATE_LIMITED || state == MarketStatus.State.BANNED ? MarketStatus.State.OK : state;
        String d = blocked || s != MarketStatus.State.OK ? detail
                : "ok; offset to Binance's clock " + clock.offset() + " ms";
        return new MarketStatus("binance", config.baseUrl(), s, d, budget.usedInLastMinute(localNow), budget.budget(),
                blocked ? clock.toServer(blockedUntil) : 0, clock.offset());
    }
}
