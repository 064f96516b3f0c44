package dev.flotilla.engine.plugin;

/**
 * The parent of every plug-in's class loader: the JDK, the strategy API, ta4j and SLF4J, and nothing of the engine,
 * so a plug-in can only reach Flotilla through the API it compiled against. It shows no service files, so a plug-in's
 * loader finds only the strategies its own jar lists.
 */
final class ApiOnlyLoader extends ClassLoader {

    private static final String[] SHARED = {"dev.flotilla.strategy.", "org.ta4j.", "org.slf4j."};

    static final ApiOnlyLoader INSTANCE = new ApiOnlyLoader();

    private final ClassLoader app = dev.flotilla.strategy.StrategyType.class.getClassLoader();

    private ApiOnlyLoader() {
        super("flotilla-strategy-api", ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        for (String prefix : SHARED) {
            if (name.startsWith(prefix)) return app.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
