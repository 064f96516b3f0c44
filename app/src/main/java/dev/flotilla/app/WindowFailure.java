package dev.flotilla.app;

/**
 * What the operator reads when the window cannot open: one line saying what is missing and that {@code --headless}
 * works without it. The exception itself, with its stack trace, goes to the log file only.
 */
final class WindowFailure {

    /** The libraries JavaFX's window loads on Linux, as Debian and Ubuntu name their packages. */
    static final String LINUX_PACKAGES = "libgtk-3-0 libxtst6 libxxf86vm1 libgl1";

    private WindowFailure() {
    }

    /** The one line for a failure to start the window's toolkit, without the "flotilla: " prefix. */
    static String message(Throwable failure) {
        String said = messages(failure);
        if (said.contains("Unable to load glass GTK library") || linkError(failure)) {
            return "the window cannot open: GTK 3 and the X libraries JavaFX needs are missing (on Debian and Ubuntu: "
                    + "apt install " + LINUX_PACKAGES + "); run with --headless to trade without the window";
        }
        if (said.contains("Unable to open DISPLAY")) {
            return "the window cannot open: no display (DISPLAY is not set or its X server does not answer); "
                    + "run with --headless to trade without the window";
        }
        return "the window cannot open here (" + firstMessage(failure) + "); run with --headless";
    }

    /** A native library of the window (glass, prism, GTK) that could not be loaded. */
    private static boolean linkError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnsatisfiedLinkError e && e.getMessage() != null
                    && e.getMessage().matches("(?s).*(glass|prism|gtk|libX|libGL).*")) {
                return true;
            }
            if (t.getCause() == t) break;
        }
        return false;
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
            if (t.getCause() == t) break;
        }
        return all.toString();
    }

    private static String firstMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank() && !"null".equals(t.getMessage())) return t.getMessage();
            if (t.getCause() == t) break;
        }
        return failure.getClass().getSimpleName();
    }
}
