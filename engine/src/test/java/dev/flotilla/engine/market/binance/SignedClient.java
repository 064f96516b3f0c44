package dev.flotilla.engine.market.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A bare Binance client for tests: signs requests itself (HMAC-SHA256 or Ed25519) and sends them with java.net.http. */
final class SignedClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final LongSupplier clock;
    String apiKey;
    String hmacSecret;
    PrivateKey ed25519;
    Duration timeout = Duration.ofSeconds(10);

    SignedClient(String base, LongSupplier clock, String apiKey, String hmacSecret) {
        this.base = base;
        this.clock = clock;
        this.apiKey = apiKey;
        this.hmacSecret = hmacSecret;
    }

    /** A signed GET: {@code params} (without timestamp) in the query string. */
    HttpResponse<String> get(String path, String params) throws Exception {
        String q = stamp(params);
        return send("GET", path, q + "&signature=" + sign(q), "");
    }

    /** A signed POST: {@code params} (without timestamp) in the form body. */
    HttpResponse<String> post(String path, String params) throws Exception {
        String b = stamp(params);
        return send("POST", path, "", b + "&signature=" + sign(b));
    }

    /** A market order with a client id, in the body. */
    HttpResponse<String> market(String symbol, String side, String quantity, String clientId) throws Exception {
        return post("/api/v3/order", "symbol=" + symbol + "&side=" + side + "&type=MARKET&quantity=" + quantity
                + (clientId == null ? "" : "&newClientOrderId=" + clientId));
    }

    String stamp(String params) {
        return (params.isEmpty() ? "" : params + "&") + "timestamp=" + clock.getAsLong();
    }

    /** The signature of a payload, percent-encoded for a URL when it is base64 (Ed25519). */
    String sign(String payload) throws Exception {
        byte[] data = payload.getBytes(StandardCharsets.UTF_8);
        if (ed25519 != null) {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(ed25519);
            s.update(data);
            return URLEncoder.encode(Base64.getEncoder().encodeToString(s.sign()), StandardCharsets.UTF_8);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(hmacSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data));
    }

    /** Sends exactly what it is given: query string and form body as they are. */
    HttpResponse<String> send(String method, String path, String query, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path + (query.isEmpty() ? "" : "?" + query))).timeout(timeout);
        if (apiKey != null) b.header("X-MBX-APIKEY", apiKey);
        if (method.equals("POST")) {
            b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }
}
