package dev.flotilla.engine.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/** Strategy parameters are kept as a small JSON object of numbers. */
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
}
