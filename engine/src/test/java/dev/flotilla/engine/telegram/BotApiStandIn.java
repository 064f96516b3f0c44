package dev.flotilla.engine.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A local stand-in of the Telegram Bot API: records what is sent, answers as scripted, queues updates to poll. */
public final class BotApiStandIn implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    public record Sent(long at, long chatId, String text, JsonNode replyMarkup) {
    }

    /** A scripted answer to the next sendMessage: an HTTP status and a body. */
    public record Answer(int status, String body) {
        static Answer tooMany(int retryAfter) {
            return new Answer(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                    + retryAfter + "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}");
        }

        static Answer serverError() {
            return new Answer(502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
        }
    }

    final String token;
    final HttpServer server;
    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    public final List<Long> attempts = new CopyOnWriteArrayList<>();
    public final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final BlockingQueue<ObjectNode> updates = new LinkedBlockingQueue<>();
    private final AtomicLong updateIds = new AtomicLong(100);
    public final AtomicLong polls = new AtomicLong();
    public final List<String> paths = new CopyOnWriteArrayList<>();

    public BotApiStandIn(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().unstarted(r)));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A message typed in a chat, for the next getUpdates. */
    public void type(long chatId, String text) {
        ObjectNode u = JSON.createObjectNode().put("update_id", updateIds.incrementAndGet());
        u.putObject("message").put("message_id", 1).put("text", text).putObject("chat").put("id", chatId);
        updates.add(u);
    }

    /** A press of an inline button. */
    public void press(long chatId, String data) {
        ObjectNode u = JSON.createObjectNode().put("update_id", updateIds.incrementAndGet());
        ObjectNode q = u.putObject("callback_query").put("id", "cb" + updateIds.get()).put("data", data);
        q.putObject("message").putObject("chat").put("id", chatId);
        updates.add(u);
    }

    public List<Sent> sentTo(long chatId) {
        return sent.stream().filter(s -> s.chatId() == chatId).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        paths.add(path);
        JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
        if (!path.startsWith("/bot" + token + "/")) {
            reply(ex, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
            return;
        }
        String method = path.substring(path.lastIndexOf('/') + 1);
        switch (method) {
            case "getMe" -> reply(ex, 200, "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"username\":\"FlotillaTestBot\"}}");
            case "sendMessage" -> {
                attempts.add(System.currentTimeMillis());
                Answer a = script.poll();
                if (a != null) {
                    reply(ex, a.status(), a.body());
                    return;
                }
                sent.add(new Sent(System.currentTimeMillis(), body.path("chat_id").asLong(), body.path("text").asText(),
                        body.get("reply_markup")));
                reply(ex, 200, "{\"ok\":true,\"result\":{\"message_id\":" + sent.size() + "}}");
            }
            case "getUpdates" -> {
                long offset = body.path("offset").asLong();
                int timeout = body.path("timeout").asInt();
                List<ObjectNode> out = new ArrayList<>();
                try {
                    if (timeout > 0) {
                        ObjectNode first = updates.poll(Math.min(timeout, 1), TimeUnit.SECONDS);
                        if (first != null) out.add(first);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                updates.drainTo(out);
                ArrayNode result = JSON.createArrayNode();
                out.stream().filter(u -> u.path("update_id").asLong() >= offset).forEach(result::add);
                polls.incrementAndGet();
                reply(ex, 200, "{\"ok\":true,\"result\":" + result + "}");
            }
            case "answerCallbackQuery" -> reply(ex, 200, "{\"ok\":true,\"result\":true}");
            default -> reply(ex, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
