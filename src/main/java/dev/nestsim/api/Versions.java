package dev.nestsim.api;

import dev.nestsim.api.Problems.PreconditionFailedException;
import dev.nestsim.api.Problems.PreconditionRequiredException;

/**
 * Optimistic concurrency over HTTP: a resource's {@code ETag} is its version in quotes ({@code "3"}), and an
 * update must send it back in {@code If-Match} (RFC 9110 section 13.1.1).
 */
public final class Versions {

    private Versions() {
    }

    /** The strong entity tag of a version: {@code "3"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** An update without {@code If-Match} is refused before anything else is read (428). */
    public static void requirePresent(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException("updates need If-Match with the ETag from GET (for example If-Match: \"3\")");
        }
    }

    /**
     * Checks an {@code If-Match} header against the current version.
     *
     * @throws PreconditionRequiredException when the header is missing (428)
     * @throws PreconditionFailedException   when no listed tag is the current version (412)
     */
    public static void requireMatch(String ifMatch, long current) {
        requirePresent(ifMatch);
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(etag(current))) {
                return;
            }
        }
        throw new PreconditionFailedException("If-Match " + ifMatch.trim() + " does not match the current version "
                + etag(current) + ": read the resource again and retry with its ETag");
    }
}
