package dev.flotilla.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.strategy.StrategyRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoaderTest {

    @TempDir
    Path dir;

    private PluginJar load(Path jar) {
        return PluginLoader.load(PluginLoader.read(jar), dir.resolve(".loaded"));
    }

    @Test
    void theExamplePluginLoadsInAClassLoaderOfItsOwnThatCannotReachTheEngine() throws Exception {
        Path jar = Files.copy(PluginJars.example(), dir.resolve("sma-cross.jar"));
        try (PluginJar p = load(jar)) {
            assertThat(p.strategyIds()).containsExactly("sma-cross");
            assertThat(p.sha256()).isEqualTo(PluginLoader.sha256(Files.readAllBytes(jar))).hasSize(64);
            assertThat(p.types().getFirst().getClass().getClassLoader()).isSameAs(p.loader());
            assertThat(p.loader().loadClass("dev.flotilla.strategy.StrategyType"))
                    .isSameAs(dev.flotilla.strategy.StrategyType.class);
            assertThatThrownBy(() -> p.loader().loadClass("dev.flotilla.engine.kernel.Engine"))
                    .isInstanceOf(ClassNotFoundException.class);
            // the built-in strategies on the class path are not the plug-in's
            assertThat(p.strategyIds()).doesNotContain("ema-rsi");
            StrategyRegistry registry = StrategyRegistry.builtin();
            registry.install(jar.getFileName().toString(), p.types());
            assertThat(registry.resolve("sma-cross", Map.of("fastPeriod", 5.0)))
                    .containsEntry("fastPeriod", 5.0).containsEntry("slowPeriod", 30.0);
            assertThat(registry.source("sma-cross")).isEqualTo("sma-cross.jar");
            assertThat(registry.source("ema-rsi")).isNull();
        }
        // the private copy it ran from is gone once it is closed; the original stays
        try (var copies = Files.list(dir.resolve(".loaded"))) {
            assertThat(copies.toList()).isEmpty();
        }
        assertThat(jar).exists();
    }

    @Test
    void aFileThatIsNotAJarIsRefusedWithOneMessage() throws Exception {
        Path jar = PluginJars.notAJar(dir.resolve("notes.jar"));
        assertThatThrownBy(() -> load(jar)).isInstanceOf(PluginException.class)
                .hasMessage("notes.jar is not a plug-in: it is not a jar file");
    }

    @Test
    void aJarWithoutTheServicesFileIsNotAPlugin() throws Exception {
        Path jar = PluginJars.build(dir.resolve("lib.jar"), Map.of("x.Util", "package x; public class Util {}"), null);
        assertThatThrownBy(() -> load(jar)).isInstanceOf(PluginException.class)
                .hasMessage("lib.jar is not a Flotilla plug-in: it has no META-INF/services/dev.flotilla.strategy.StrategyType");
    }

    @Test
    void aServicesFileNamingAMissingClassIsRefused() throws Exception {
        Path jar = PluginJars.build(dir.resolve("broken.jar"), Map.of("x.Util", "package x; public class Util {}"),
                List.of("x.Missing"));
        assertThatThrownBy(() -> load(jar)).isInstanceOf(PluginException.class)
                .hasMessageStartingWith("broken.jar: its strategies cannot be loaded: ")
                .hasMessageContaining("x.Missing");
    }

    @Test
    void aStrategyThatFailsWithItsDefaultsIsRefused() throws Exception {
        String source = """
                package bad;
                import dev.flotilla.strategy.*;
                import java.util.*;
                public final class Type implements StrategyType {
                    public String id() { return "bad"; }
                    public String displayName() { return "bad"; }
                    public List<ParamSpec> params() { return List.of(); }
                    public int warmupBars(Map<String, Double> p) { return 1; }
                    public Strategy create(Map<String, Double> p) { throw new UnsupportedOperationException("not yet written"); }
                }
                """;
        Path jar = PluginJars.build(dir.resolve("bad.jar"), Map.of("bad.Type", source), List.of("bad.Type"));
        assertThatThrownBy(() -> load(jar)).isInstanceOf(PluginException.class)
                .hasMessage("bad.jar: strategy 'bad' fails with its default parameters: UnsupportedOperationException: not yet written");
    }

    @Test
    void twoPluginsWithOneStrategyNameAreRefusedAndTheFirstStays() throws Exception {
        StrategyRegistry registry = StrategyRegistry.builtin();
        try (PluginJar a = load(PluginJars.strategy(dir.resolve("a.jar"), "a", "same", "return Decision.HOLD;"));
             PluginJar b = load(PluginJars.strategy(dir.resolve("b.jar"), "b", "same", "return Decision.HOLD;"))) {
            registry.install("a.jar", a.types());
            assertThatThrownBy(() -> registry.install("b.jar", b.types())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("two plug-ins with one strategy name: 'same' is in a.jar and in b.jar; remove one of them");
            assertThat(registry.source("same")).isEqualTo("a.jar");
        }
    }

    @Test
    void aPluginMayNotTakeABuiltInStrategysName() throws Exception {
        StrategyRegistry registry = StrategyRegistry.builtin();
        try (PluginJar p = load(PluginJars.strategy(dir.resolve("mine.jar"), "m", "ema-rsi", "return Decision.HOLD;"))) {
            assertThatThrownBy(() -> registry.install("mine.jar", p.types()))
                    .hasMessage("mine.jar: strategy 'ema-rsi' is a built-in strategy's name");
            assertThat(registry.source("ema-rsi")).isNull();
        }
    }
}
