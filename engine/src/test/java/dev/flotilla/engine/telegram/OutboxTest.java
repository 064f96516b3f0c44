package dev.flotilla.engine.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.telegram.BotApiStandIn.Answer;
import dev.flotilla.engine.telegram.BotApiStandIn.Sent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox against the stand-in Bot API: one message a second per chat, 429s and 5xx retried, a dead API survived. */
class OutboxTest {

    static final String TOKEN = "123456:AAFakeTelegramTokenForTests_xyz";
    BotApiStandIn api;
    Outbox outbox;
    final Counters counters = new Counters();

    @AfterEach
    void close() {
        if (outbox != null) outbox.close();
        if (api != null) api.close();
    }

    private Outbox outbox(String url, long backoffMs, int capacity) {
        TelegramClient client = new TelegramClient(url, TOKEN);
        outbox = new Outbox(m -> client.sendMessage(m.chatId(), m.text(), m.buttonText(), m.buttonData()), 1_000, backoffMs,
                capacity, counters);
        return outbox;
    }

    @Test
    void sendsAtMostOneMessageASecondToEachChat() throws Exception {
        api = new BotApiStandIn(TOKEN);
        Outbox box = outbox(api.url(), 100, 100);
        for (int i = 0; i < 3; i++) {
            box.offer(Outbox.Message.of(1, "a" + i));
            box.offer(Outbox.Message.of(2, "b" + i));
        }
        Wait.until(Duration.ofSeconds(20), () -> api.sent.size() == 6);
        for (long chat : new long[] {1, 2}) {
            List<Sent> s = api.sentTo(chat);
            assertThat(s).extracting(Sent::text).containsExactly(chat == 1 ? "a0" : "b0", chat == 1 ? "a1" : "b1", chat == 1 ? "a2" : "b2");
            for (int i = 1; i < s.size(); i++) assertThat(s.get(i).at() - s.get(i - 1).at()).isGreaterThanOrEqualTo(900);
        }
        // the two chats do not wait for each other: the first message of each went out at once
        assertThat(Math.abs(api.sentTo(1).getFirst().at() - api.sentTo(2).getFirst().at())).isLessThan(900);
        // the outbox counts a message once Telegram's answer is back, a moment after the stand-in has recorded it
        Wait.until(Duration.ofSeconds(5), () -> counters.sent.get() >= 6);
        assertThat(counters.sent.get()).isEqualTo(6);
    }

    @Test
    void waitsOutA429ForItsRetryAfterThenSends() throws Exception {
        api = new BotApiStandIn(TOKEN);
        api.script.add(Answer.tooMany(2));
        Outbox box = outbox(api.url(), 100, 100);
        box.offer(Outbox.Message.of(7, "after the wait"));
        Wait.until(Duration.ofSeconds(20), () -> api.sent.size() == 1);
        assertThat(api.attempts).hasSize(2);
        assertThat(api.attempts.get(1) - api.attempts.get(0)).isGreaterThanOrEqualTo(1_900);
        assertThat(counters.lastError).contains("429").doesNotContain(TOKEN);
        assertThat(counters.failed.get()).isZero();
    }

    @Test
    void retriesServerErrorsWithGrowingWaits() throws Exception {
        api = new BotApiStandIn(TOKEN);
        api.script.add(Answer.serverError());
        api.script.add(Answer.serverError());
        api.script.add(Answer.serverError());
        Outbox box = outbox(api.url(), 300, 100);
        box.offer(Outbox.Message.of(7, "eventually"));
        Wait.until(Duration.ofSeconds(30), () -> api.sent.size() == 1);
        List<Long> t = api.attempts;
        assertThat(t).hasSize(4);
        // waits of at least 1 s (the per-chat gap), then 1.2 s (300 ms doubled twice)
        assertThat(t.get(3) - t.get(2)).isGreaterThanOrEqualTo(1_100);
    }

    @Test
    void aDeadApiFillsTheQueueAndCountsWhatIsDroppedWithoutBlocking() throws Exception {
        api = new BotApiStandIn(TOKEN);
        String url = api.url();
        api.close();  // nothing listens there now
        Outbox box = outbox(url, 60_000, 5);
        long t0 = System.nanoTime();
        for (int i = 0; i < 1_000; i++) box.offer(Outbox.Message.of(1, "m" + i));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(counters.dropped.get()).isGreaterThanOrEqualTo(994);
        Wait.until(Duration.ofSeconds(20), () -> counters.lastError != null);
        assertThat(counters.lastError).contains("not reached").doesNotContain(TOKEN).doesNotContain("AAFake");
        api = null;
    }
}
