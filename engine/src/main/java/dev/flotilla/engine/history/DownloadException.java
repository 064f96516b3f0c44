package dev.flotilla.engine.history;

/** What stopped a download; what was stored before it stays stored. */
public final class DownloadException extends RuntimeException {
    private final transient DownloadResult partial;

    DownloadException(String message, DownloadResult partial, Throwable cause) {
        super(message, cause);
        this.partial = partial;
    }

    /** The run up to the failure: what it stored. */
    public DownloadResult partial() {
        return partial;
    }
}
