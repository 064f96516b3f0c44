package dev.flotilla.engine.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The few Bot API methods Flotilla uses: getMe, sendMessage, getUpdates (long polling) and answerCallbackQuery. Every
 * URL holds the token, so no URL, and no message that could quote one, leaves this class without the token taken out.
 */
public final class TelegramClient {

    public static final String DEFAULT_URL = "https://api.telegram.org";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One incoming message or button press. */
    public record Update(long id, long chatId, String text, String callbackId) {
    }

    /**
     * A call that failed. The message never holds the token.
     *
     * @param status     the HTTP status, or 0 when Telegram could not be reached
     * @param retryAfter seconds Telegram asked us to wait (429), else 0
     */
    public static final class TelegramException extends Exception {
        private final int status;
        private final int retryAfter;

        TelegramException(int status, int retryAfter, String message) {
            super(message);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        public int status() {
            return status;
        }

        public int retryAfter() {
            return retryAfter;
        }

        /** Worth trying again: rate limited, Telegram's own trouble, or not reached. */
        public boolean retryable() {
            return status == 0 || status == 429 || status >= 500;
        }
    }

    private final HttpClient http;
    private final String baseUrl;
    private final String token;

    public TelegramClient(String baseUrl, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The bot's user name, to show that the token works. */
    public String getMe() throws TelegramException {
        JsonNode r = call("getMe", JSON.createObjectNode(), Duration.ofSeconds(15));
        return r.path("username").asText("?");
    }

    public void sendMessage(long chatId, String text, String buttonText, String buttonData) throws TelegramException {
        ObjectNode body = JSON.createObjectNode().put("chat_id", chatId).put("text", text);
        if (buttonText != null) {
            ObjectNode button = JSON.createObjectNode().put("text", buttonText).put("callback_data", buttonData);
            body.putObject("reply_markup").putArray("inline_keyboard").addArray().add(button);
        }
        call("sendMessage", body, Duration.ofSeconds(20));
    }

    /** Waits up to {@code timeoutSeconds} for updates after {@code offset}. */
    public List<Update> getUpdates(long offset, int timeoutSeconds) throws TelegramException {
        ObjectNode body = JSON.createObjectNode().put("offset", offset).put("timeout", timeoutSeconds);
        body.putArray("allowed_updates").add("message").add("callback_query");
        JsonNode r = call("getUpdates", body, Duration.ofSeconds(timeoutSeconds + 15L));
        List<Update> out = new ArrayList<>();
        for (JsonNode u : r) {
            long id = u.path("update_id").asLong();
            if (u.has("message")) {
                JsonNode m = u.get("message");
                out.add(new Update(id, m.path("chat").path("id").asLong(), m.path("text").asText(""), null));
            } else if (u.has("callback_query")) {
                JsonNode q = u.get("callback_query");
                out.add(new Update(id, q.path("message").path("chat").path("id").asLong(), q.path("data").asText(""),
                        q.path("id").asText()));
            } else {
                out.add(new Update(id, 0, "", null));
            }
        }
        return out;
    }

    public void answerCallback(String callbackId) throws TelegramException {
        call("answerCallbackQuery", JSON.createObjectNode().put("callback_query_id", callbackId), Duration.ofSeconds(15));
    }

    private JsonNode call(String method, ObjectNode body, Duration timeout) throws TelegramException {
        HttpRequest req;
        try {
            req = HttpRequest.newBuilder(URI.create(baseUrl + "/bot" + token + "/" + method)).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        } catch (IllegalArgumentException e) {
            throw new TelegramException(400, 0, "the Telegram URL or token is not valid: " + redact(e.getMessage()));
        }
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TelegramException(0, 0, "Telegram not reached (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + redact(e.getMessage())) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramException(0, 0, "interrupted");
        }
        JsonNode n;
        try {
            n = JSON.readTree(resp.body());
        } catch (IOException e) {
            n = null;
        }
        if (resp.statusCode() == 200 && n != null && n.path("ok").asBoolean(false)) return n.path("result");
        int retryAfter = n == null ? 0 : n.path("parameters").path("retry_after").asInt(0);
        String description = n == null ? "no answer Telegram understands" : n.path("description").asText("no description");
        throw new TelegramException(resp.statusCode(), retryAfter,
                method + ": HTTP " + resp.statusCode() + " " + redact(description));
    }

    /** The text without the token, nor its secret half (after the colon). */
    String redact(String text) {
        if (text == null) return "";
        String out = text;
        if (token != null && !token.isEmpty()) {
            out = out.replace(token, "****");
            int colon = token.indexOf(':');
            if (colon >= 0 && token.length() - colon > 8) out = out.replace(token.substring(colon + 1), "****");
        }
        return out.length() <= 300 ? out : out.substring(0, 300) + "…";
    }

    @Override
    public String toString() {
        return "TelegramClient[" + baseUrl + "]";
    }
}
