package org.mmccycle.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Bad input to our API is a 400 with a message that says what is wrong (per field for invalid
 * bodies: {@code errors} maps each field to its message), never a stack trace. Unknown things are
 * 404, clashes (a slug that is taken, a stale revision) 409.
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

  @ExceptionHandler(RejectedInputException.class)
  ResponseEntity<Object> rejected(RejectedInputException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setProperty("problems", e.problems());
    return problem(problem);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Object> badInput(IllegalArgumentException e) {
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e) {
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> conflict(ConflictException e) {
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<Object> duplicate(DuplicateKeyException e) {
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "this already exists (someone may have created it at the same time)"));
  }

  /**
   * Every error this API answers is application/problem+json, whatever the request's Accept header
   * says: an answer negotiated with an unreadable or unsatisfiable Accept header was sent with an empty body.
   */
  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    HttpHeaders problemHeaders = new HttpHeaders();
    problemHeaders.addAll(headers);
    problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return new ResponseEntity<>(body, problemHeaders, statusCode);
  }

  private static ResponseEntity<Object> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      errors.merge(error.getField(), error.getDefaultMessage(), (a, b) -> a + "; " + b);
    }
    e.getBindingResult().getGlobalErrors().forEach(error -> errors.merge(error.getObjectName(), error.getDefaultMessage(), (a, b) -> a + "; " + b));
    return invalid(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    e.getParameterValidationResults().forEach(result -> {
      String name = result.getMethodParameter().getParameterName();
      if (result instanceof org.springframework.validation.method.ParameterErrors bean) {
        bean.getFieldErrors().forEach(error -> errors.merge(error.getField(), error.getDefaultMessage(), (a, b) -> a + "; " + b));
        return;
      }
      result.getResolvableErrors().forEach(error -> errors.merge(name == null ? "parameter" : name, error.getDefaultMessage(), (a, b) -> a + "; " + b));
    });
    return invalid(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String detail = "the request body is not valid JSON";
    if (e.getCause() instanceof JsonMappingException mapping) {
      String field = path(mapping.getPath());
      if (mapping instanceof InvalidFormatException format) {
        detail = (field.isEmpty() ? "a value" : field) + ": '" + format.getValue() + "' is not a valid " + typeName(format.getTargetType());
      } else if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
        detail = (field.isEmpty() ? "the body" : field) + ": expected " + typeName(mismatched.getTargetType());
      } else {
        detail = "the request body cannot be read" + (field.isEmpty() ? "" : " at " + field) + ": " + mapping.getOriginalMessage();
      }
    } else if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
      detail = "the request body is not valid JSON: " + json.getOriginalMessage();
    } else if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
      detail = "the request body is missing";
    }
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    String name = e.getPropertyName() == null ? "a parameter" : e.getPropertyName();
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        name + ": '" + e.getValue() + "' is not a valid " + typeName(e.getRequiredType())));
  }

  private static ResponseEntity<Object> invalid(Map<String, String> errors) {
    List<String> lines = new ArrayList<>();
    errors.forEach((field, message) -> lines.add(field + ": " + message));
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid input: " + String.join("; ", lines));
    problem.setProperty("errors", errors);
    return problem(problem);
  }

  private static String path(List<JsonMappingException.Reference> path) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        field.append('[').append(ref.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type.isEnum()) {
      return "value (one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")";
    }
    if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
      return "number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "boolean (true or false)";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "list";
    }
    if (type == String.class) {
      return "text";
    }
    return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() + " object";
  }
}
