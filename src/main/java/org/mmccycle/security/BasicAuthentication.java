package org.mmccycle.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/** Camunda's HTTP Basic for /engine-rest, whose 401 also says in words what to do (Camunda's has no body). */
public class BasicAuthentication extends HttpBasicAuthenticationProvider {

  static final String MESSAGE = "Log in with HTTP Basic as a Camunda user. After several wrong passwords, logins from the "
      + "same address pause for a while.";

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    super.augmentResponseByAuthenticationChallenge(response, engine);
    response.setContentType("application/json");
    try {
      response.getWriter().write("{\"type\":\"AuthenticationException\",\"message\":\"" + MESSAGE + "\"}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
