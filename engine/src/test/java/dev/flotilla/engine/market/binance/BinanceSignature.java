package dev.flotilla.engine.market.binance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binance's checks on a SIGNED request, in the order the server makes them: the API key in {@code X-MBX-APIKEY}
 * (-2014 when missing, -2015 when unknown), {@code timestamp} and {@code recvWindow} against the server's clock
 * (-1021), the {@code signature} (-1022) and the key's permission for the endpoint (-2015).
 * The signature covers the query string concatenated without separator to the body, both as sent
 * (percent-encoded), less the {@code signature} parameter: HMAC-SHA256 in hex (any case) with the secret, or an
 * Ed25519 signature in base64 checked with the registered public key.
 */
final class BinanceSignature {

    /** A refusal: HTTP status, Binance code and message. */
    record Refusal(int status, int code, String msg) {
        String body() {
            return "{\"code\":" + code + ",\"msg\":\"" + msg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        }
    }

    static final Refusal BAD_KEY = new Refusal(401, -2015, "Invalid API-key, IP, or permissions for action.");
    static final Refusal BAD_SIGNATURE = new Refusal(400, -1022, "Signature for this request is not valid.");
    static final Refusal OUTSIDE_WINDOW = new Refusal(400, -1021, "Timestamp for this request is outside of the recvWindow.");
    static final Refusal AHEAD = new Refusal(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");

    private volatile String apiKey;
    private volatile byte[] hmacSecret;
    private volatile PublicKey ed25519;
    private volatile boolean canTrade = true;
    private volatile boolean canWithdraw;
    private volatile long createTime;

    void hmac(String key, String secret, long now) {
        this.apiKey = key;
        this.hmacSecret = secret.getBytes(StandardCharsets.UTF_8);
        this.ed25519 = null;
        this.createTime = now;
    }

    void ed25519(String key, PublicKey publicKey, long now) {
        this.apiKey = key;
        this.ed25519 = publicKey;
        this.hmacSecret = null;
        this.createTime = now;
    }

    void permissions(boolean canTrade, boolean canWithdraw) {
        this.canTrade = canTrade;
        this.canWithdraw = canWithdraw;
    }

    boolean canTrade() {
        return canTrade;
    }

    boolean canWithdraw() {
        return canWithdraw;
    }

    long createTime() {
        return createTime;
    }

    /**
     * @param params the parameters of query and body, the query's winning
     * @param trade  whether the endpoint is a TRADE one (needs the key's trading permission)
     * @return null if the request passes, or the refusal Binance would send
     */
    Refusal check(String key, String rawQuery, String rawBody, Map<String, String> params, long now, boolean trade) {
        if (key == null || key.isBlank()) return new Refusal(401, -2014, "API-key format invalid.");
        if (!key.equals(apiKey)) return BAD_KEY;
        Refusal timing = timing(params, now);
        if (timing != null) return timing;
        String signature = params.get("signature");
        if (signature == null || signature.isEmpty()) return mandatory("signature");
        String payload = strip(rawQuery) + strip(rawBody);
        if (!valid(payload, signature)) return BAD_SIGNATURE;
        if (trade && !canTrade) return BAD_KEY;
        return null;
    }

    /** Binance's timing rule: timestamp (ms, or µs when it has 16 digits) less than now + 1 s and at most recvWindow old. */
    static Refusal timing(Map<String, String> params, long now) {
        String ts = params.get("timestamp");
        if (ts == null || !ts.matches("[0-9]{1,20}")) return mandatory("timestamp");
        String rw = params.getOrDefault("recvWindow", "5000");
        if (!rw.matches("[0-9]{1,5}(\\.[0-9]{1,3})?")) return illegal("recvWindow", "^[0-9]{1,5}(\\.[0-9]{1,3})?$");
        BigDecimal window = new BigDecimal(rw);
        if (window.compareTo(BigDecimal.valueOf(60_000)) > 0) {
            return new Refusal(400, -1130, "Data sent for parameter 'recvWindow' is not valid.");
        }
        BigDecimal timestamp = new BigDecimal(ts);
        if (ts.length() >= 16) timestamp = timestamp.movePointLeft(3);   // microseconds
        BigDecimal server = BigDecimal.valueOf(now);
        if (timestamp.compareTo(server.add(BigDecimal.valueOf(1000))) >= 0) return AHEAD;
        if (server.subtract(timestamp).compareTo(window) > 0) return OUTSIDE_WINDOW;
        return null;
    }

    private boolean valid(String payload, String signature) {
        byte[] data = payload.getBytes(StandardCharsets.UTF_8);
        try {
            if (ed25519 != null) {
                byte[] sig;
                try {
                    sig = Base64.getDecoder().decode(signature);
                } catch (IllegalArgumentException e) {
                    return false;
                }
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(ed25519);
                verifier.update(data);
                return verifier.verify(sig);
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacSecret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data)).equalsIgnoreCase(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The raw (percent-encoded) parameter string without its {@code signature=...} part. */
    private static String strip(String raw) {
        if (raw == null || raw.isEmpty()) return "";
        return Arrays.stream(raw.split("&")).filter(p -> !p.startsWith("signature=")).collect(Collectors.joining("&"));
    }

    /** Binance's message for an error code (the status tells 418 from 429). */
    static String message(int status, int code) {
        return switch (code) {
            case -1003 -> status == 418 ? "Way too many requests; IP banned."
                    : "Too many requests; current limit of IP is exceeded. Please use the websocket for live updates.";
            case -1001 -> "Internal error; unable to process your request. Please try again.";
            case -1006 -> "An unexpected response was received from the message bus. Execution status unknown.";
            case -1007 -> "Timeout waiting for response from backend server. Send status unknown; execution status unknown.";
            case -1021 -> OUTSIDE_WINDOW.msg();
            case -1022 -> BAD_SIGNATURE.msg();
            case -2010 -> "Account has insufficient balance for requested action.";
            case -2015 -> BAD_KEY.msg();
            default -> "An unknown error occurred while processing the request.";
        };
    }

    static Refusal mandatory(String param) {
        return new Refusal(400, -1102, "Mandatory parameter '" + param + "' was not sent, was empty/null, or malformed.");
    }

    static Refusal illegal(String param, String range) {
        return new Refusal(400, -1100, "Illegal characters found in parameter '" + param + "'; legal range is '" + range + "'.");
    }
}
