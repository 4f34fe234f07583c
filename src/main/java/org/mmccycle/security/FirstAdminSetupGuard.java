package org.mmccycle.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes Camunda Admin's first-administrator page (/camunda/api/admin/setup/…). While no user is in
 * the group camunda-admin, Camunda lets anyone who reaches the server create one: a fresh install
 * started without a profile answered that anonymously. Here the first administrator comes from
 * MMC_ADMIN_PASSWORD (profile production) or the demo users (profile demo), never from the web.
 */
public class FirstAdminSetupGuard extends OncePerRequestFilter {

  static final String MESSAGE = "Camunda's first-administrator setup is closed: start MMC Cycle with the profile production "
      + "and MMC_ADMIN_PASSWORD (or demo, for the demo users).";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json");
    response.getWriter().write("{\"type\":\"Forbidden\",\"message\":\"" + MESSAGE + "\"}");
  }
}
