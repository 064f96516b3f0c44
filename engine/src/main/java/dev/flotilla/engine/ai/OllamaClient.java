package dev.flotilla.engine.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A local Ollama server: {@code POST /api/chat} with a JSON schema as the answer's format (not streamed), and
 * {@code GET /api/tags} to see whether it is there. Nothing here blocks the caller but {@link #reachable}.
 */
final class OllamaClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode SCHEMA;

    static {
        try {
            SCHEMA = MAPPER.readTree(AiAnswer.SCHEMA);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()).build();

    /** Whether the server answers its list of models within {@code timeout}. */
    boolean reachable(String url, Duration timeout) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(base(url) + "/api/tags")).timeout(timeout).GET().build();
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Asks one question. Completes with the answer's {@code message.content} as the model wrote it, or exceptionally
     * (the server failed, or its reply is not a chat reply: {@link AiAnswer.BadAnswer}).
     */
    CompletableFuture<String> chat(String url, String model, String system, String user, Duration timeout) {
        ObjectNode body = MAPPER.createObjectNode().put("model", model).put("stream", false);
        body.set("format", SCHEMA);
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        body.putObject("options").put("temperature", 0);
        HttpRequest req = HttpRequest.newBuilder(URI.create(base(url) + "/api/chat")).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).thenApply(OllamaClient::content);
    }

    private static String content(HttpResponse<String> r) {
        if (r.statusCode() != 200) throw new BadReply("HTTP " + r.statusCode() + ": " + clip(r.body()));
        try {
            JsonNode c = MAPPER.readTree(r.body()).path("message").path("content");
            if (!c.isTextual()) throw new BadReply("no message content: " + clip(r.body()));
            return c.asText();
        } catch (BadReply e) {
            throw e;
        } catch (Exception e) {
            throw new BadReply("not a chat reply: " + clip(r.body()));
        }
    }

    static String clip(String s) {
        if (s == null) return null;
        return s.length() <= 2_000 ? s : s.substring(0, 2_000) + "…";
    }

    private static String base(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The server answered, but not with a chat reply; its text is the message. */
    static final class BadReply extends RuntimeException {
        BadReply(String message) {
            super(message);
        }
    }
}
