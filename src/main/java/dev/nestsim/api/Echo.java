package dev.nestsim.api;

/**
 * How a problem shows a value it refuses: control characters and unpaired surrogates escaped as {@code \}{@code uXXXX}, at
 * most {@value #MAX_CHARS} characters of it, then how long it was. A problem echoes a refused value once, in the message of
 * the error it concerns (the detail names rules, not values), so a huge value never makes a huge answer.
 */
public final class Echo {

    /** The most characters of a refused value a message shows. */
    public static final int MAX_CHARS = 64;

    private Echo() {
    }

    /** A string in double quotes, a number or anything else as {@link String#valueOf}, escaped and truncated. */
    public static String of(Object value) {
        return value instanceof CharSequence text ? "\"" + clip(text.toString(), MAX_CHARS) + "\"" : clip(String.valueOf(value), MAX_CHARS);
    }

    /** The same in single quotes, for names. */
    public static String quoted(Object value) {
        return "'" + clip(String.valueOf(value), MAX_CHARS) + "'";
    }

    /**
     * At most {@code max} characters of {@code text} (never half a surrogate pair), control characters and unpaired
     * surrogates escaped, with {@code "... (N characters)"} when it was cut.
     */
    public static String clip(String text, int max) {
        StringBuilder shown = new StringBuilder(Math.min(text.length(), max) + 24);
        int i = 0;
        while (i < text.length() && shown.length() < max) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                shown.append(c).append(text.charAt(i + 1));
                i += 2;
            } else {
                if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                    shown.append(String.format("\\u%04X", (int) c));
                } else {
                    shown.append(c);
                }
                i++;
            }
        }
        return i < text.length() ? shown + "... (" + text.length() + " characters)" : shown.toString();
    }
}
