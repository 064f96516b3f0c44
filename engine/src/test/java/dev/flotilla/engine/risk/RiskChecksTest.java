package dev.flotilla.engine.risk;

import dev.flotilla.engine.store.OnBothStores;
import static dev.flotilla.engine.risk.RiskFixture.HOUR;
import static dev.flotilla.engine.risk.RiskFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.RiskEvent;
import dev.flotilla.engine.model.RiskRecord;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks are a list of classes: the gateway runs what is registered, in order, and says what each did. */
@OnBothStores
class RiskChecksTest {

    @TempDir
    Path dir;

    /** A check that exists only in this test: no entry above 5 units. */
    private static final class AtMostFiveUnits implements RiskCheck {
        @Override
        public Scope scope() {
            return Scope.ENTRIES;
        }

        @Override
        public Verdict check(Subject s) {
            return s.intent().qty().compareTo(new BigDecimal("5")) > 0
                    ? Verdict.refuse(ReasonCode.MAX_POSITION, "more than 5 units", "{\"qty\":" + s.intent().qty() + "}")
                    : null;
        }
    }

    @Test
    void aNewCheckIsOneClassAndOneLineOfRegistration() {
        List<RiskCheck> checks = new ArrayList<>(RiskChecks.ALL);
        checks.add(new AtMostFiveUnits());
        try (RiskFixture f = RiskFixture.open(dir, RiskFixture.bots("BTC/USDT", "ETH/USDT"), PriceHistory.NONE, checks)) {
            f.prices("BTC/USDT", "100", "ETH/USDT", "100");
            List<EngineEvent> events = new ArrayList<>();
            List<Review> reviews = f.gateway.review(List.of(f.entry("a", "6", "100"), f.entry("b", "5", "100")), T0 + HOUR, events);
            assertThat(reviews).extracting(Review::outcome).containsExactly(Review.Outcome.REFUSED, Review.Outcome.APPROVED);
            assertThat(reviews.getFirst().detail()).isEqualTo("more than 5 units");
            assertThat(events).singleElement().isInstanceOfSatisfying(RiskEvent.RiskRejected.class,
                    e -> assertThat(e.botId()).isEqualTo("a"));
            assertThat(f.lastRejection()).extracting(RiskRecord::botId, RiskRecord::detail).containsExactly("a", "more than 5 units");
        }
        // without its registration the same entry passes
        try (RiskFixture f = RiskFixture.open(dir.resolve("plain"), RiskFixture.bots("BTC/USDT"), PriceHistory.NONE)) {
            f.prices("BTC/USDT", "100");
            assertThat(f.review(T0 + HOUR, f.entry("a", "6", "100"))).hasSize(1);
        }
    }

    @Test
    void theChecksRunInTheirRegisteredOrderAndTheFirstRefusalDecides() {
        try (RiskFixture f = RiskFixture.open(dir, RiskFixture.bots("BTC/USDT"), PriceHistory.NONE)) {
            f.prices("BTC/USDT", "100");
            List<EngineEvent> events = new ArrayList<>();
            f.gateway.killSwitch(true, "test", T0, events);
            // priced outside the collar and far too large too: the kill switch comes first
            List<Review> r = f.gateway.review(List.of(f.entry("a", "1000", "150")), T0 + HOUR, events);
            assertThat(r).singleElement().extracting(Review::code).isEqualTo(ReasonCode.KILL_SWITCH);
            f.gateway.killSwitch(false, "test", T0 + HOUR, events);
            r = f.gateway.review(List.of(f.entry("a", "1000", "150")), T0 + HOUR, events);
            assertThat(r).singleElement().extracting(Review::code).isEqualTo(ReasonCode.PRICE_COLLAR);
            r = f.gateway.review(List.of(f.entry("a", "1000", "100")), T0 + HOUR, events);
            assertThat(r).singleElement().extracting(Review::code).isEqualTo(ReasonCode.MAX_POSITION);
        }
    }

    @Test
    void anEntryASizerShrinksIsReviewedAsResizedWithTheAskedAndTheApprovedSize() {
        try (RiskFixture f = RiskFixture.open(dir, RiskFixture.bots("BTC/USDT", "ETH/USDT"), PriceHistory.NONE)) {
            f.prices("BTC/USDT", "100");
            for (int i = 0; i < 3; i++) {  // three losing round trips
                long t = T0 + HOUR + i * 1_000L;
                f.trade(t, f.entry("a", "10", "100"));
                f.prices("BTC/USDT", "99");
                f.trade(t + 1, f.exit("a", "99"));
                f.prices("BTC/USDT", "100");
            }
            List<Review> r = f.gateway.review(List.of(f.entry("a", "10", "100")), T0 + 2 * HOUR, new ArrayList<>());
            assertThat(r).singleElement().satisfies(review -> {
                assertThat(review.outcome()).isEqualTo(Review.Outcome.RESIZED);
                assertThat(review.asked().qty()).isEqualByComparingTo("10");
                assertThat(review.approved().qty()).isEqualByComparingTo("5");
                assertThat(review.approved().reason()).endsWith("; size x0.5 after 3 losses in a row");
                // the stop is held to the bot's 3% stop-loss limit: never wider
                assertThat(review.approved().stopPrice()).isGreaterThanOrEqualTo(new BigDecimal("97"));
            });
        }
    }
}
