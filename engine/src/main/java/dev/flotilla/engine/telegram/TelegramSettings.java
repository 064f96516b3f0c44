package dev.flotilla.engine.telegram;

import dev.flotilla.engine.api.TelegramApi.Config;
import dev.flotilla.engine.api.TelegramApi.Kind;
import dev.flotilla.engine.api.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The bot's settings in the store's settings table: never the token, which only the keychain keeps. */
public final class TelegramSettings {

    /** The chats, "123456789,-1001234" (a group's id is negative). */
    public static final String CHATS = "telegram.chats";
    /** The kinds of notification on, "FILLS,BREAKERS"; absent: all of them. */
    public static final String KINDS = "telegram.kinds";
    /** The Bot API's base URL, absent for {@link TelegramClient#DEFAULT_URL} (a test's stand-in sets it). */
    public static final String URL = "telegram.url";

    private TelegramSettings() {
    }

    static Config read(Map<String, String> settings) {
        List<Long> chats = new ArrayList<>();
        String c = settings.getOrDefault(CHATS, "");
        for (String s : c.split(",")) {
            try {
                if (!s.isBlank()) chats.add(Long.parseLong(s.strip()));
            } catch (NumberFormatException e) {
                // a hand-edited value; ignored
            }
        }
        Set<Kind> kinds = EnumSet.allOf(Kind.class);
        String k = settings.get(KINDS);
        if (k != null) {
            kinds = EnumSet.noneOf(Kind.class);
            for (String s : k.split(",")) {
                Arrays.stream(Kind.values()).filter(x -> x.name().equals(s.strip())).forEach(kinds::add);
            }
        }
        return new Config(chats, kinds);
    }

    static String chats(Config c) {
        return c.chatIds().stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static String kinds(Config c) {
        return Arrays.stream(Kind.values()).filter(c.kinds()::contains).map(Kind::name).collect(Collectors.joining(","));
    }

    /** Chat ids as typed: numbers split by commas or spaces. */
    public static List<Long> parseChats(String text) {
        List<Long> out = new ArrayList<>();
        for (String s : text.split("[,\\s]+")) {
            if (s.isBlank()) continue;
            try {
                out.add(Long.parseLong(s));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("chatIds", "chat id '" + s + "' is not a number (a group's id starts with -)", null);
            }
        }
        return out;
    }
}
