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
 * HTTP Basic for our own /api, checked against Camunda's users. While the request runs, the engine
 * knows who is calling (so Camunda's authorizations apply to what our API does through it).
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;
  private final Set<String> requiredGroups;

  public ApiAuthenticationFilter(IdentityService identityService) {
    this(identityService, Set.of());
  }

  /** Only members of one of the groups get through (403 for everyone else); no groups: any user. */
  public ApiAuthenticationFilter(IdentityService identityService, Set<String> requiredGroups) {
    this.identityService = identityService;
    this.requiredGroups = Set.copyOf(requiredGroups);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String[] credentials = basicCredentials(request.getHeader("Authorization"));
    if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"MMC Cycle\"");
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getWriter().write("{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"log in with HTTP Basic as a Camunda user\"}");
      return;
    }
    List<String> groups = identityService.createGroupQuery().groupMember(credentials[0]).list()
        .stream().map(Group::getId).toList();
    if (!requiredGroups.isEmpty() && groups.stream().noneMatch(requiredGroups::contains)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getWriter().write("{\"status\":403,\"title\":\"Forbidden\",\"detail\":\"only " + String.join(", ", requiredGroups.stream().sorted().toList()) + "\"}");
      return;
    }
    try {
      identityService.setAuthentication(credentials[0], groups);
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
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
