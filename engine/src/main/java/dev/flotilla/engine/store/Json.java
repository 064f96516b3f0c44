package dev.flotilla.engine.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Strategy parameters are kept as a small JSON object of numbers; a parameter change as one of texts, in order. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String params(Map<String, Double> params) {
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(params));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Double> params(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<TreeMap<String, Double>>() { });
        } catch (Exception e) {
            throw new StoreException("stored strategy parameters are not valid JSON: " + json, e);
        }
    }

    static String values(Map<String, String> values) {
        try {
            return MAPPER.writeValueAsString(values);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> values(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (Exception e) {
            throw new StoreException("a stored parameter change is not valid JSON: " + json, e);
        }
    }
}
