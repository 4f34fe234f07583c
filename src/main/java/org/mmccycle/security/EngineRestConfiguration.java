package org.mmccycle.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Camunda's REST API as Camunda builds it — at /engine-rest and, for Tasklist and Cockpit, at
 * /camunda/api/engine — with the same answers for bad input in both: a 4xx with a message, where
 * Camunda's resources answer 500.
 *
 * <ul>
 *   <li>a rule the engine enforces in a listener (a refused completion, a claim held by someone else)
 *       reaches the client as the engine wraps it (ENGINE-03051): it is unwrapped into its 400 or 403;
 *   <li>a task someone else has claimed is 409; a task that does not exist is 404; a Java-serialized variable, an Object value in a variable
 *       query, an id with characters the engine refuses and a body that is not JSON (or nested too deep)
 *       are 400.
 * </ul>
 */
@Configuration
public class EngineRestConfiguration {

  /** Our exception mappers, ahead of Camunda's (a lower priority number wins for the same exception type). */
  static final List<Class<?>> MAPPERS = List.of(RefusalMapper.class, WrappedRefusalMapper.class, JsonMapper.class);

  @Bean
  CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
    return new EngineRest();
  }

  /** Camunda's resources at /engine-rest, with our mappers. */
  @ApplicationPath("/engine-rest")
  public static class EngineRest extends CamundaJerseyResourceConfig {
    @Override
    protected void registerAdditionalResources() {
      MAPPERS.forEach(this::register);
    }
  }

  /**
   * The web apps' copy of the engine API (/camunda/api/engine, what Tasklist completes tasks with) is a
   * servlet Camunda registers by name unless one of that name exists: it is registered here first, as
   * Camunda would, with our mappers added.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ServletContextInitializer webappEngineApi(CamundaBpmProperties properties) {
    return (ServletContext servletContext) -> {
      var registration = servletContext.addServlet("Engine Api", ServletContainer.class);
      if (registration == null) {
        return; // already there (a second context on the same servlet context)
      }
      registration.addMapping(properties.getWebapp().getApplicationPath() + "/api/engine/*");
      registration.setInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS, EngineRestApplication.class.getName());
      registration.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES,
          String.join(",", MAPPERS.stream().map(Class::getName).toList()));
    };
  }

  /** Unwraps a refusal into its 4xx; everything else as Camunda maps it. */
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

  /** A body Jackson cannot read at all (too deeply nested, too long a number): 400, not Camunda's 500. */
  @Priority(1)
  public static class JsonMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException exception) {
      return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", "The request body is not valid JSON: "
          + exception.getOriginalMessage());
    }
  }

  static Optional<Response> refusal(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException refusal) {
        return Optional.of(answer(Response.Status.BAD_REQUEST, "BadUserRequestException", refusal.getMessage()));
      }
      if (cause instanceof TaskAlreadyClaimedException claimed) {
        return Optional.of(answer(Response.Status.CONFLICT, "TaskAlreadyClaimedException", claimed.getMessage()));
      }
      if (cause instanceof AuthorizationException refused && cause != exception) {
        return Optional.of(answer(Response.Status.FORBIDDEN, "AuthorizationException", refused.getMessage()));
      }
      if (cause instanceof JsonProcessingException json) {
        return Optional.of(answer(Response.Status.BAD_REQUEST, "InvalidRequestException", "The request body is not valid JSON: "
            + json.getOriginalMessage()));
      }
      String message = cause.getMessage() == null ? "" : cause.getMessage();
      if (cause instanceof NullValueException && message.startsWith("Cannot find ")) {
        return Optional.of(answer(Response.Status.NOT_FOUND, "NotFoundException", exception.getMessage()));
      }
      if (cause instanceof ProcessEngineException && message.startsWith(NO_SERIALIZER)) {
        return Optional.of(answer(Response.Status.BAD_REQUEST, "BadUserRequestException", "This type of value cannot be stored "
            + "here (Xml, say: send it as Json or String instead): " + message));
      }
      if (cause instanceof ProcessEngineException && BAD_INPUT.stream().anyMatch(message::contains)) {
        return Optional.of(answer(Response.Status.BAD_REQUEST, "BadUserRequestException", message));
      }
    }
    return Optional.empty();
  }

  /**
   * What Camunda's engine says (as a plain ProcessEngineException, so Camunda answers 500) when the
   * request itself was wrong: a Java-serialized variable (Java serialization is off), an Object value in
   * a variable query, an id the engine does not accept; and a value no serializer takes.
   */
  private static final List<String> BAD_INPUT = List.of("ENGINE-17007", "Object values cannot be used to query",
      "is not a valid resource identifier");
  private static final String NO_SERIALIZER = "Cannot find serializer for value";

  private static Response answer(Response.Status status, String type, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("type", type, "message", message)).build();
  }
}
