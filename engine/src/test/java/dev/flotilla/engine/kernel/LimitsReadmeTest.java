package dev.flotilla.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.LimitInfo;
import dev.flotilla.engine.command.RiskViews;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README.md's table of limits is the limits' own descriptions ({@code BotLimits.SPECS}, {@code PortfolioLimits.SPECS}),
 * as the console shows them. When they disagree this fails with the table as it should be;
 * {@code FLOTILLA_WRITE_README=1} writes it into README.md instead.
 */
class LimitsReadmeTest {

    static final String BEGIN = "<!-- limits table: made from BotLimits.SPECS and PortfolioLimits.SPECS, checked by LimitsReadmeTest -->";
    static final String END = "<!-- end of the limits table -->";

    static String table() {
        StringBuilder sb = new StringBuilder(BEGIN).append('\n');
        sb.append("| level | limit | name | default | allowed | what it does |\n|---|---|---|---|---|---|\n");
        rows(sb, "bot", RiskViews.BOT);
        rows(sb, "portfolio", RiskViews.PORTFOLIO);
        return sb.append(END).toString();
    }

    private static void rows(StringBuilder sb, String level, List<LimitInfo> limits) {
        for (LimitInfo l : limits) {
            sb.append("| ").append(level).append(" | ").append(l.label()).append(" | `").append(l.name()).append("` | ")
                    .append(l.show(l.defaultValue())).append(" | ").append(l.allowed()).append(" | ")
                    .append(l.meaning()).append(" |\n");
        }
    }

    private static Path readme() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("README.md")) || !Files.exists(dir.resolve("engine"))) dir = dir.getParent();
        return dir.resolve("README.md");
    }

    @Test
    void theReadmesLimitsTableIsTheLimitsDescriptions() throws IOException {
        Path readme = readme();
        String text = Files.readString(readme);
        int from = text.indexOf(BEGIN);
        int to = text.indexOf(END);
        String expected = table();
        if ("1".equals(System.getenv("FLOTILLA_WRITE_README")) && from >= 0 && to > from) {
            Files.writeString(readme, text.substring(0, from) + expected + text.substring(to + END.length()));
            return;
        }
        assertThat(from).as("README.md has the markers of the limits table:\n" + BEGIN + "\n" + END).isNotNegative();
        assertThat(text.substring(from, to + END.length()))
                .as("README.md's limits table; run with FLOTILLA_WRITE_README=1 to write it").isEqualTo(expected);
    }
}
