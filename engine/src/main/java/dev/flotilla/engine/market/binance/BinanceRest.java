package dev.flotilla.engine.market.binance;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchange.binance.dto.BinanceException;
import org.knowm.xchange.binance.dto.marketdata.BinancePrice;
import org.knowm.xchange.binance.dto.meta.BinanceTime;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.RateLimit;
import si.mazi.rescu.HttpResponseAware;

/**
 * The four public Spot endpoints Flotilla uses, declared as in XChange's {@code org.knowm.xchange.binance.Binance}
 * and built by XChange's {@code ExchangeRestProxyBuilder} on the shared exchange's specification. They are
 * declared again only so that every reply carries its response headers: rescu hands headers to a reply that
 * implements {@link HttpResponseAware}, and XChange's own replies ({@code List<Object[]>}, {@code List<BinancePrice>})
 * do not, which would hide {@code X-MBX-USED-WEIGHT-1M}. Errors arrive as XChange's {@link BinanceException},
 * which carries the headers (and {@code Retry-After}) too.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
interface BinanceRest {

    /** Weight 1. */
    @GET
    @Path("api/v3/time")
    ServerTime time() throws IOException, BinanceException;

    /** Weight 20; asked for one symbol so the reply stays small: only its rateLimits are used. */
    @GET
    @Path("api/v3/exchangeInfo")
    ExchangeLimits exchangeInfo(@QueryParam("symbol") String symbol) throws IOException, BinanceException;

    /** Weight 2 whatever the limit (at most 1,000); open times from startTime to endTime, oldest first. */
    @GET
    @Path("api/v3/klines")
    KlineRows klines(@QueryParam("symbol") String symbol, @QueryParam("interval") String interval,
                     @QueryParam("startTime") Long startTime, @QueryParam("endTime") Long endTime,
                     @QueryParam("limit") Integer limit) throws IOException, BinanceException;

    /** Weight 4 with a symbols list (JSON array) or without it (every symbol). */
    @GET
    @Path("api/v3/ticker/price")
    PriceRows prices(@QueryParam("symbols") String symbolsJson) throws IOException, BinanceException;

    /** The headers every reply keeps. */
    interface Headers extends HttpResponseAware {
        default String header(String name) {
            Map<String, List<String>> h = getResponseHeaders();
            if (h == null) return null;
            for (var e : h.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
            }
            return null;
        }
    }

    final class ServerTime extends BinanceTime implements Headers {
        private Map<String, List<String>> headers;

        @Override
        public void setResponseHeaders(Map<String, List<String>> headers) {
            this.headers = headers;
        }

        @Override
        public Map<String, List<String>> getResponseHeaders() {
            return headers;
        }
    }

    /** A reply object that keeps its headers. */
    abstract class Replied implements Headers {
        private Map<String, List<String>> headers;

        @Override
        public void setResponseHeaders(Map<String, List<String>> headers) {
            this.headers = headers;
        }

        @Override
        public Map<String, List<String>> getResponseHeaders() {
            return headers;
        }
    }

    final class ExchangeLimits extends Replied {
        @JsonProperty("rateLimits")
        List<RateLimit> rateLimits = List.of();
    }

    /** Rows of 12 fields each, as Binance documents them; XChange's BinanceKline reads one row. */
    final class KlineRows extends ArrayList<Object[]> implements Headers {
        private Map<String, List<String>> headers;

        @Override
        public void setResponseHeaders(Map<String, List<String>> headers) {
            this.headers = headers;
        }

        @Override
        public Map<String, List<String>> getResponseHeaders() {
            return headers;
        }
    }

    final class PriceRows extends ArrayList<BinancePrice> implements Headers {
        private Map<String, List<String>> headers;

        @Override
        public void setResponseHeaders(Map<String, List<String>> headers) {
            this.headers = headers;
        }

        @Override
        public Map<String, List<String>> getResponseHeaders() {
            return headers;
        }
    }
}
