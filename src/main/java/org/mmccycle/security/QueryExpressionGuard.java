package org.mmccycle.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses expressions ({@code ${…}}, {@code #{…}}) in ad-hoc queries of tasks and filters, through
 * /engine-rest and the web apps' API alike. Camunda 7.24 CE refuses them in a query's own fields,
 * but not inside nested {@code orQueries}, a known class of vulnerabilities that gets no more fixes
 * in the community edition. Stored filters keep their expressions: they are created server-side.
 */
public class QueryExpressionGuard extends OncePerRequestFilter {

  /** Query endpoints: task and historic task queries, and a filter's list/count (its extending query). */
  private static final Pattern QUERY = Pattern.compile(".*/(task|history/task|filter/[^/]+/(list|count|singleResult))(/count)?/?$");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
  private static final int MAX_BODY = 1 << 20;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!QUERY.matcher(request.getRequestURI()).matches()) {
      chain.doFilter(request, response);
      return;
    }
    String query = request.getQueryString() == null ? "" : URLDecoder.decode(request.getQueryString().replace("+", "%2B"), StandardCharsets.UTF_8);
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "A task query may not exceed 1 MB.");
      return;
    }
    if (EXPRESSION.matcher(query).find() || EXPRESSION.matcher(new String(body, StandardCharsets.UTF_8)).find()) {
      refuse(response, HttpServletResponse.SC_BAD_REQUEST,
          "Expressions (${...} or #{...}) are not accepted in task queries, nested or not.");
      return;
    }
    chain.doFilter(new ReplayedBody(request, body), response);
  }

  private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.getWriter().write("{\"type\":\"BadUserRequestException\",\"message\":\"" + message + "\"}");
  }

  /** The request with its body, already read for the check, served again to the REST resources. */
  private static final class ReplayedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReplayedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
