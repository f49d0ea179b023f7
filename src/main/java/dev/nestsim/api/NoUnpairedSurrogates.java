package dev.nestsim.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text that is valid Unicode: every surrogate is half of a pair ({@code "\ud83d\ude00"} is one emoji; a lone
 * {@code "\ud800"} is no character at all). UTF-8 cannot encode a lone surrogate, so PostgreSQL would store it as
 * {@code ?} while H2 keeps it; refusing it here makes both answer the same. Rule {@code no-unpaired-surrogates};
 * {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = NoUnpairedSurrogates.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NoUnpairedSurrogates {

    String message() default "must be valid Unicode: a surrogate (U+D800 to U+DFFF) only as half of a pair";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Valid when every high surrogate is followed by a low one and every low one follows a high one. */
    final class Validator implements ConstraintValidator<NoUnpairedSurrogates, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || firstUnpaired(value) < 0;
        }

        /** The index of the first surrogate that is not half of a pair, or -1. */
        static int firstUnpaired(CharSequence text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
