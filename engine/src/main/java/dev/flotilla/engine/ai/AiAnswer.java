package dev.flotilla.engine.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.engine.model.AiAnalysis.Decision;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the model said about one entry, once it is known to be what was asked for.
 *
 * @param factor the share of the quantity to keep: 1 to approve, 0.25 to 1 to shrink, 0 to veto
 */
record AiAnswer(Decision decision, BigDecimal factor, String reason) {

    static final BigDecimal MIN_FACTOR = new BigDecimal("0.25");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The JSON schema given to the model as {@code format}: its answer must be this object. */
    static final String SCHEMA = """
            {"type":"object","properties":{\
            "decision":{"type":"string","enum":["approve","shrink","veto"]},\
            "factor":{"type":"number","minimum":0.25,"maximum":1},\
            "reason":{"type":"string"}},\
            "required":["decision","factor","reason"]}""";

    /** Thrown for an answer that is not the object asked for. */
    static final class BadAnswer extends Exception {
        BadAnswer(String message) {
            super(message);
        }
    }

    /** Reads the model's {@code message.content}: a JSON object of the schema. */
    static AiAnswer parse(String content) throws BadAnswer {
        JsonNode n;
        try {
            n = MAPPER.readTree(content);
        } catch (Exception e) {
            throw new BadAnswer("not JSON");
        }
        if (n == null || !n.isObject()) throw new BadAnswer("not a JSON object");
        String reason = n.path("reason").isTextual() ? n.get("reason").asText().strip() : "";
        if (reason.length() > 500) reason = reason.substring(0, 500);
        String d = n.path("decision").asText("");
        return switch (d.toLowerCase(java.util.Locale.ROOT)) {
            case "approve" -> new AiAnswer(Decision.APPROVE, BigDecimal.ONE, reason);
            case "veto" -> new AiAnswer(Decision.VETO, BigDecimal.ZERO, reason);
            case "shrink" -> {
                JsonNode f = n.path("factor");
                if (!f.isNumber()) throw new BadAnswer("shrink without a numeric factor");
                BigDecimal factor = f.decimalValue().setScale(4, RoundingMode.HALF_EVEN);
                if (factor.compareTo(MIN_FACTOR) < 0 || factor.compareTo(BigDecimal.ONE) > 0) {
                    throw new BadAnswer("factor " + factor.toPlainString() + " outside 0.25 to 1");
                }
                yield factor.compareTo(BigDecimal.ONE) == 0 ? new AiAnswer(Decision.APPROVE, BigDecimal.ONE, reason)
                        : new AiAnswer(Decision.SHRINK, factor, reason);
            }
            default -> throw new BadAnswer("decision \"" + d + "\" is not approve, shrink or veto");
        };
    }
}
