package dev.nestsim.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API-key secrets: {@value #PREFIX} and 32 bytes from {@link SecureRandom} (256 bits, base64url), stored as their
 * SHA-256. A slow password hash (bcrypt, Argon2) defends guessable passwords against a stolen table; a 256-bit random
 * secret cannot be guessed, so one unsalted SHA-256 is as safe and lets a key be found by its hash in one indexed read.
 */
final class Secrets {

    static final String PREFIX = "nsk_";
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A new secret. */
    static String newSecret() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form: SHA-256, hex. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Whether {@code presented} is {@code expected}, in time independent of where they differ. */
    static boolean sameSecret(String presented, String expected) {
        return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII), hash(expected).getBytes(StandardCharsets.US_ASCII));
    }

    /** What lists show of a secret: its first 12 characters. */
    static String visiblePrefix(String secret) {
        return secret.substring(0, 12);
    }
}
