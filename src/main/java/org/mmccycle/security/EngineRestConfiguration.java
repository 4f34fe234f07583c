package org.mmccycle.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * /engine-rest as Camunda builds it, plus one thing: a task listener that refuses a completion
 * (a visit date that breaks the spacing rule, a remote visit that must be on site) throws a
 * {@link BadUserRequestException}, which the engine wraps; the caller gets 400 with the reason,
 * not Camunda's 500. Likewise a Java-serialized variable (refused by the engine) is 400 and completing
 * a task that does not exist is 404, where Camunda's task resource answers 500.
 */
@Configuration
public class EngineRestConfiguration {

  @Bean
  CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
    return new EngineRest();
  }

  /** Camunda's resources at /engine-rest, with our two exception mappers. */
  @ApplicationPath("/engine-rest")
  public static class EngineRest extends CamundaJerseyResourceConfig {
    @Override
    protected void registerAdditionalResources() {
      register(RefusalMapper.class);
      register(WrappedRefusalMapper.class);
    }
  }

  /** Unwraps a refusal from a listener into 400; everything else as Camunda maps it. */
  @Priority(1)
  public static class RefusalMapper implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return refusal(exception).orElseGet(() -> camunda.toResponse(exception));
    }
  }

  /** The same, where Camunda's task resource has wrapped the engine's exception in a RestException. */
  @Priority(1)
  public static class WrappedRefusalMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      return refusal(exception).orElseGet(() -> camunda.toResponse(exception));
    }
  }

  static Optional<Response> refusal(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException refusal) {
        return Optional.of(badRequest(refusal.getMessage()));
      }
      // bad input that Camunda's resources answer with 500: a task id that does not exist ("task is null"),
      // a Java-serialized variable (ENGINE-17007, Java serialization is off)
      if (cause instanceof NullValueException && cause.getMessage() != null && cause.getMessage().startsWith("Cannot find ")) {
        return Optional.of(answer(Response.Status.NOT_FOUND, "NotFoundException", exception.getMessage()));
      }
      if (cause instanceof ProcessEngineException && cause.getMessage() != null && cause.getMessage().startsWith(JAVA_SERIALIZATION_PROHIBITED)) {
        return Optional.of(badRequest(exception.getMessage()));
      }
    }
    return Optional.empty();
  }

  private static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

  private static Response badRequest(String message) {
    return answer(Response.Status.BAD_REQUEST, "BadUserRequestException", message);
  }

  private static Response answer(Response.Status status, String type, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("type", type, "message", message)).build();
  }
}
