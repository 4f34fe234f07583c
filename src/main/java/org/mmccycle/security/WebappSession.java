package org.mmccycle.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

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

  /** Whether the token is the session's CSRF token, the one the web apps send with each change (X-XSRF-TOKEN). */
  public static boolean csrfTokenMatches(HttpServletRequest request, String token) {
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return token != null && expected instanceof String value && !value.isBlank()
        && java.security.MessageDigest.isEqual(value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
