package org.mmccycle.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string with a broken percent-encoding ({@code ?name=%zz}) is answered 400 with a message.
 * The servlet container lets it through; Camunda's REST API then read it as the text "%zz" and Spring's
 * parameter decoding failed with a 500 that quoted the decoder's message.
 */
public final class WellFormedQueries extends OncePerRequestFilter {

  /** A % not followed by two hexadecimal digits. */
  private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    if (query != null && BROKEN_ESCAPE.matcher(query).find()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/problem+json");
      response.getWriter().write("{\"status\":400,\"title\":\"Bad Request\",\"detail\":\"The query string has a % that is not "
          + "followed by two hexadecimal digits: encode % as %25.\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}
