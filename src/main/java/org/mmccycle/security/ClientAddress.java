package org.mmccycle.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The address of the client whose request the current thread serves, for the engine's password check
 * ({@link ThrottledIdentityProvider}); {@value #ENGINE} when no request is served (start-up, jobs).
 */
public final class ClientAddress extends OncePerRequestFilter {

  static final String ENGINE = "engine";
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  public static String current() {
    String address = CURRENT.get();
    return address == null ? ENGINE : address;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CURRENT.set(request.getRemoteAddr());
    try {
      chain.doFilter(request, response);
    } finally {
      CURRENT.remove();
    }
  }
}
