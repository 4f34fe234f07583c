package org.mmccycle.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A client slug as {@link Texts#slugProblem} defines it; {@code null} is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = Slug.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Slug {

  String message() default "is not a slug";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks {@link Slug}. */
  class Validator implements ConstraintValidator<Slug, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      String problem = value == null ? null : Texts.slugProblem(value);
      if (problem == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
      return false;
    }
  }
}
