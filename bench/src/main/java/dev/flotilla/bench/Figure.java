package dev.flotilla.bench;

/**
 * One line of the results table.
 *
 * @param target the spec's target for this figure, or "" when the spec sets none
 * @param met    whether the target is met; null when there is no target
 */
record Figure(String area, String what, String value, String target, Boolean met) {

    static Figure info(String area, String what, String value) {
        return new Figure(area, what, value, "", null);
    }

    static Figure target(String area, String what, String value, String target, boolean met) {
        return new Figure(area, what, value, target, met);
    }

    String verdict() {
        return met == null ? "" : met ? "met" : "MISSED";
    }
}
