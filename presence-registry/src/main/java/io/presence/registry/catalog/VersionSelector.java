package io.presence.registry.catalog;

/** The {@code {version}} path segment: a version number, or the latest live version. */
public record VersionSelector(int number) {

    private static final int LATEST_NUMBER = -1;
    public static final VersionSelector LATEST = new VersionSelector(LATEST_NUMBER);

    /** Accepts what Confluent accepts: {@code latest}, {@code -1} (also latest) or 1..2^31-1. */
    public static VersionSelector parse(String text) {
        if ("latest".equalsIgnoreCase(text)) {
            return LATEST;
        }
        try {
            int number = Integer.parseInt(text);
            if (number == LATEST_NUMBER) {
                return LATEST;
            }
            if (number >= 1) {
                return new VersionSelector(number);
            }
        } catch (NumberFormatException e) {
            // falls through to the invalid-version answer below
        }
        throw new RegistryException(RegistryError.INVALID_VERSION, "The specified version '" + text
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    public boolean isLatest() {
        return number == LATEST_NUMBER;
    }

    @Override
    public String toString() {
        return isLatest() ? "latest" : Integer.toString(number);
    }
}
