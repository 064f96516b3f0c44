package dev.flotilla.engine.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

public class FleetFileTest {

    private final FleetFile parser = new FleetFile(StrategyRegistry.builtin(), SandboxMarket.DEFAULT_SYMBOLS);

    static String defaultFleetJson() throws Exception {
        try (InputStream in = FleetFileTest.class.getResourceAsStream("/flotilla/fleet.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public static List<BotSpec> defaultFleet() throws Exception {
        return new FleetFile(StrategyRegistry.builtin(), SandboxMarket.DEFAULT_SYMBOLS).parse(defaultFleetJson());
    }

    @Test
    void theDefaultFleetCoversEveryTypeSymbolAndTimeframe() throws Exception {
        List<BotSpec> fleet = parser.parse(defaultFleetJson());
        assertThat(fleet).hasSize(45);
        assertThat(fleet.stream().map(BotSpec::strategy).collect(Collectors.toSet())).hasSize(6);
        assertThat(fleet.stream().map(BotSpec::symbol).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(SandboxMarket.DEFAULT_SYMBOLS);
        assertThat(fleet.stream().map(BotSpec::timeframe).collect(Collectors.toSet())).hasSize(3);
        Map<Feed, Long> perFeed = fleet.stream().collect(Collectors.groupingBy(BotSpec::feed, Collectors.counting()));
        assertThat(perFeed).hasSize(39);
        assertThat(perFeed.values()).allMatch(n -> n == 1 || n == 2);
        assertThat(fleet).allMatch(b -> b.capital().compareTo(new BigDecimal("10000")) == 0);
        // a pair traded twice is traded by two different kinds of strategy
        fleet.stream().collect(Collectors.groupingBy(BotSpec::feed)).values().stream().filter(l -> l.size() == 2)
                .forEach(l -> assertThat(l.get(0).strategy()).isNotEqualTo(l.get(1).strategy()));
        assertThat(fleet.stream().map(BotSpec::id).collect(Collectors.toSet())).hasSize(45);
    }

    @Test
    void defaultsAreFilledInForParametersNotGiven() {
        BotSpec b = parser.parse("""
                {"bots": [{"id": "a", "strategy": "ema-rsi", "symbol": "BTC/USDT", "timeframe": "1h",
                           "params": {"fastPeriod": 5}, "capital": 2500}]}""").getFirst();
        assertThat(b.params()).containsEntry("fastPeriod", 5.0).containsKey("slowPeriod");
        assertThat(b.capital()).isEqualByComparingTo("2500");
    }

    private void rejects(String json, String... fragments) {
        assertThatThrownBy(() -> parser.parse(json)).isInstanceOf(FleetFileException.class)
                .satisfies(e -> {
                    for (String f : fragments) assertThat(e.getMessage()).contains(f);
                });
    }

    private static String bot(String fields) {
        return "{\"bots\": [{" + fields + "}]}";
    }

    @Test
    void brokenJsonIsRejectedWithItsPosition() {
        rejects("{\"bots\": [ {\"id\": \"a\", }", "not valid JSON", "line 1");
    }

    @Test
    void eachBadFieldIsNamed() {
        String ok = "\"id\": \"a\", \"strategy\": \"ema-rsi\", \"symbol\": \"BTC/USDT\", \"timeframe\": \"1h\"";
        rejects(bot(ok.replace("ema-rsi", "martingale")), "bots[0].strategy", "unknown strategy 'martingale'", "ema-rsi");
        rejects(bot(ok.replace("BTC/USDT", "PEPE/USDT")), "bots[0].symbol", "unknown symbol 'PEPE/USDT'", "BTC/USDT");
        rejects(bot(ok.replace("1h", "5m")), "bots[0].timeframe", "15m, 1h, 4h");
        rejects(bot(ok + ", \"capital\": -5"), "bots[0].capital", "more than 0", "-5");
        rejects(bot(ok + ", \"capital\": \"lots\""), "bots[0].capital", "must be a number");
        rejects(bot(ok + ", \"params\": {\"fastPeriod\": 500}"), "bots[0].params", "fastPeriod");
        rejects(bot(ok + ", \"params\": {\"speed\": 1}"), "bots[0].params", "unknown parameter 'speed'");
        rejects(bot(ok.replace("\"id\": \"a\"", "\"id\": \"Bad Id!\"")), "bots[0].id");
        rejects(bot(ok.replace("\"symbol\": \"BTC/USDT\", ", "")), "bots[0].symbol: is missing");
        rejects("{\"bots\": [{" + ok + "}, {" + ok + "}]}", "bots[1].id", "duplicate bot id 'a'");
        rejects("{\"bots\": []}", "no bots");
        rejects("[]", "JSON object");
    }

    @Test
    void symbolsOutsideTheMarketAreRefused() {
        assertThat(SandboxMarket.DEFAULT_SYMBOLS).hasSize(13);
        assertThat(Set.copyOf(SandboxMarket.DEFAULT_SYMBOLS)).hasSize(13);
    }
}
