package dev.nestsim.provisioning.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A parent names exactly one of {@code hostId} and {@code hypervisorId}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ExactlyOneParent.Validator.class)
public @interface ExactlyOneParent {

    String message() default "must name exactly one of hostId (to run on a host, at L1) or hypervisorId (to run in a guest hypervisor)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link ParentBody}. */
    class Validator implements ConstraintValidator<ExactlyOneParent, ParentBody> {
        @Override
        public boolean isValid(ParentBody parent, ConstraintValidatorContext context) {
            return parent == null || (parent.hostId() == null) != (parent.hypervisorId() == null);
        }
    }
}
