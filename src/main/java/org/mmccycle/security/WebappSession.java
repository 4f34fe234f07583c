package org.mmccycle.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** Who is logged in to the Camunda web apps (Tasklist, Cockpit) in this request's session, if anyone is. */
public final class WebappSession {

  private WebappSession() {}

  public static Optional<UserAuthentication> user(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications == null ? Optional.empty()
        : authentications.getAuthentications().stream().findFirst();
  }
}
