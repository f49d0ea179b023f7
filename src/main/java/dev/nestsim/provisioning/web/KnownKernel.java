package dev.nestsim.provisioning.web;

import dev.nestsim.model.hardware.KernelGeneration;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A kernel generation's API name ({@link KernelGeneration#apiName()}); {@code null} passes (the default applies). A
 * violation is the rule {@code known-kernel}, and its message lists the allowed names.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownKernel.Validator.class)
@interface KnownKernel {

    String message() default "must be a kernel generation of the model";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the name against the model's generations. */
    class Validator implements ConstraintValidator<KnownKernel, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || KernelGeneration.byApiName(value).isPresent()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + KernelGeneration.allowedNames()).addConstraintViolation();
            return false;
        }
    }
}
