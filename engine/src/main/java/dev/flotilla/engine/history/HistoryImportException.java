package dev.flotilla.engine.history;

import java.util.List;

/** Why nothing was imported: every bad row found, each with its file and line. */
public final class HistoryImportException extends RuntimeException {

    private final List<String> problems;

    HistoryImportException(List<String> problems, int total) {
        super(total + " bad row" + (total == 1 ? "" : "s") + ", nothing was imported: " + String.join("; ", problems)
                + (total > problems.size() ? "; and " + (total - problems.size()) + " more" : ""));
        this.problems = List.copyOf(problems);
    }

    /** The problems reported (at most {@link KlineArchive#MAX_REPORTED}), each "file:line: what". */
    public List<String> problems() {
        return problems;
    }
}
