package org.mmccycle.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for our own /api, checked against Camunda's users, or, without an Authorization header,
 * the Camunda web apps' session of the same browser (with their CSRF token for changes). While the
 * request runs, the engine knows who is calling (so Camunda's authorizations apply to what our API
 * does through it).
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  static final String CSRF_HEADER = "X-XSRF-TOKEN";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final IdentityService identityService;
  private final Set<String> requiredGroups;
  /** Where a browser that is not logged in is sent (a page's filter), or null (an API's: 401). */
  private final String loginPage;

  public ApiAuthenticationFilter(IdentityService identityService) {
    this(identityService, Set.of());
  }

  /** Only members of one of the groups get through (403 for everyone else); no groups: any user. */
  public ApiAuthenticationFilter(IdentityService identityService, Set<String> requiredGroups) {
    this(identityService, requiredGroups, null);
  }

  /** For pages: a browser without a login is redirected to {@code loginPage} instead of getting 401. */
  public ApiAuthenticationFilter(IdentityService identityService, Set<String> requiredGroups, String loginPage) {
    this.identityService = identityService;
    this.requiredGroups = Set.copyOf(requiredGroups);
    this.loginPage = loginPage;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = request.getHeader("Authorization") == null ? sessionUser(request, response) : basicUser(request, response);
    if (user == null) {
      return;
    }
    List<String> groups = identityService.createGroupQuery().groupMember(user).list()
        .stream().map(Group::getId).toList();
    if (!requiredGroups.isEmpty() && groups.stream().noneMatch(requiredGroups::contains)) {
      refuse(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "only " + String.join(", ", requiredGroups.stream().sorted().toList()));
      return;
    }
    try {
      identityService.setAuthentication(user, groups);
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The user of valid Basic credentials, or null (401 sent). */
  private String basicUser(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String[] credentials = basicCredentials(request.getHeader("Authorization"));
    if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"MMC Cycle\"");
      refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "log in with HTTP Basic as a Camunda user");
      return null;
    }
    return credentials[0];
  }

  /**
   * The user logged in to the Camunda web apps in this browser (Tasklist's forms and the MMC pages call
   * our API with that session, no second login), or null (401 sent, with the Basic challenge for
   * clients that log in that way; a page's filter redirects to the login page instead). A request that changes something must carry the web apps' CSRF token in
   * {@value #CSRF_HEADER}, as Tasklist's own requests do; without it, 403.
   */
  private String sessionUser(HttpServletRequest request, HttpServletResponse response) throws IOException {
    var user = WebappSession.user(request);
    if (user.isEmpty() && loginPage != null) {
      response.sendRedirect(request.getContextPath() + loginPage);
      return null;
    }
    if (user.isEmpty()) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"MMC Cycle\"");
      refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
          "log in to Tasklist or Cockpit in this browser, or send HTTP Basic credentials of a Camunda user");
      return null;
    }
    if (!SAFE_METHODS.contains(request.getMethod()) && !WebappSession.csrfTokenMatches(request, request.getHeader(CSRF_HEADER))) {
      refuse(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
          "a change made with the web apps' session needs their CSRF token in the " + CSRF_HEADER + " header (the XSRF-TOKEN cookie)");
      return null;
    }
    return user.get().getName();
  }

  private static void refuse(HttpServletResponse response, int status, String title, String detail) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getWriter().write("{\"status\":" + status + ",\"title\":\"" + title + "\",\"detail\":\"" + detail + "\"}");
  }

  private static String[] basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
