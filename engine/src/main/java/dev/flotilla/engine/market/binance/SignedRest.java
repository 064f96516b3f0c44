package dev.flotilla.engine.market.binance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.knowm.xchange.binance.dto.BinanceException;
import si.mazi.rescu.ParamsDigest;

/**
 * Binance Spot's signed endpoints Flotilla uses (USER_DATA and TRADE), declared for rescu as {@link BinanceRest} is,
 * so that replies keep their headers (the used weight) and errors arrive as XChange's {@link BinanceException}. The
 * signature must be the last parameter (see {@link SignedDigest}). Replies are read as JSON trees by
 * {@link BinanceAccount}.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
interface SignedRest {

    String KEY = "X-MBX-APIKEY";

    /** Weight 20. */
    @GET
    @Path("api/v3/account")
    Json account(@QueryParam("omitZeroBalances") Boolean omitZero, @QueryParam("recvWindow") Long recvWindow,
                 @QueryParam("timestamp") long timestamp, @HeaderParam(KEY) String apiKey,
                 @QueryParam(SignedDigest.SIGNATURE) ParamsDigest signature) throws IOException, BinanceException;

    /** Weight 1 (counted by Binance on the SAPI limits). */
    @GET
    @Path("sapi/v1/account/apiRestrictions")
    Json apiRestrictions(@QueryParam("recvWindow") Long recvWindow, @QueryParam("timestamp") long timestamp,
                         @HeaderParam(KEY) String apiKey, @QueryParam(SignedDigest.SIGNATURE) ParamsDigest signature)
            throws IOException, BinanceException;

    /** Weight 1. A MARKET order by base quantity, answered in full (its fills). */
    @POST
    @Path("api/v3/order")
    Json newOrder(@QueryParam("symbol") String symbol, @QueryParam("side") String side, @QueryParam("type") String type,
                  @QueryParam("quantity") String quantity, @QueryParam("newClientOrderId") String clientOrderId,
                  @QueryParam("newOrderRespType") String respType, @QueryParam("recvWindow") Long recvWindow,
                  @QueryParam("timestamp") long timestamp, @HeaderParam(KEY) String apiKey,
                  @QueryParam(SignedDigest.SIGNATURE) ParamsDigest signature) throws IOException, BinanceException;

    /** Weight 4. */
    @GET
    @Path("api/v3/order")
    Json order(@QueryParam("symbol") String symbol, @QueryParam("origClientOrderId") String clientOrderId,
               @QueryParam("recvWindow") Long recvWindow, @QueryParam("timestamp") long timestamp,
               @HeaderParam(KEY) String apiKey, @QueryParam(SignedDigest.SIGNATURE) ParamsDigest signature)
            throws IOException, BinanceException;

    /** Weight 20. */
    @GET
    @Path("api/v3/myTrades")
    Json myTrades(@QueryParam("symbol") String symbol, @QueryParam("orderId") Long orderId,
                  @QueryParam("limit") Integer limit, @QueryParam("recvWindow") Long recvWindow,
                  @QueryParam("timestamp") long timestamp, @HeaderParam(KEY) String apiKey,
                  @QueryParam(SignedDigest.SIGNATURE) ParamsDigest signature) throws IOException, BinanceException;

    /** Weight 20 for one symbol (public): its filters. */
    @GET
    @Path("api/v3/exchangeInfo")
    Json exchangeInfo(@QueryParam("symbols") String symbolsJson) throws IOException, BinanceException;

    /** A reply read as a JSON tree, with its headers. */
    final class Json extends BinanceRest.Replied {
        final JsonNode body;

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        Json(JsonNode body) {
            this.body = body;
        }
    }
}
