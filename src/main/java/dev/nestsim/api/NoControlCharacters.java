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
 * A text without control characters (Unicode category Cc: U+0000 to U+001F, U+007F to U+009F; NUL, tab and newline
 * included): a name is shown in lists, logs and terminals, and PostgreSQL cannot store a NUL at all, so refusing them
 * here makes H2 and PostgreSQL answer the same. Rule {@code no-control-characters}; {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = NoControlCharacters.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NoControlCharacters {

    String message() default "must not contain control characters (U+0000 to U+001F, U+007F to U+009F)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Valid when no character is a control character. */
    final class Validator implements ConstraintValidator<NoControlCharacters, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || value.chars().noneMatch(Character::isISOControl);
        }
    }
}
