package org.mmccycle;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * A real HTTP client against the running test server, as each kind of client logs in: HTTP Basic (scripts,
 * Camunda Modeler, our API), or the web apps' session (Tasklist and Cockpit: a login form, then the
 * session cookie and Camunda's CSRF token on every request).
 */
public final class ApiClient {

  public record Response(int status, String body) {}

  private final HttpClient http;
  private final int port;
  private final String user;
  private final String password;
  private final CookieManager cookies;

  private ApiClient(int port, String user, String password, CookieManager cookies) {
    this.port = port;
    this.user = user;
    this.password = password;
    this.cookies = cookies;
    this.http = cookies == null ? HttpClient.newHttpClient() : HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Logs in as a (new, if need be) user in {@code group}. */
  public static ApiClient as(IdentityService identity, int port, String userId, String group) {
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      var g = identity.newGroup(group);
      g.setName(group);
      g.setType("WORKFLOW");
      identity.saveGroup(g);
    }
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User u = identity.newUser(userId);
      u.setPassword("secret-" + userId);
      u.setFirstName(userId);
      u.setLastName("Test");
      identity.saveUser(u);
      identity.createMembership(userId, group);
    }
    return new ApiClient(port, userId, "secret-" + userId, null);
  }

  /** An existing user with a known password. */
  public static ApiClient basic(int port, String userId, String password) {
    return new ApiClient(port, userId, password, null);
  }

  public static ApiClient anonymous(int port) {
    return new ApiClient(port, null, null, null);
  }

  /**
   * Logged in to the web apps as Tasklist logs in: the login form posted with Camunda's CSRF token, then
   * the session cookie and the token on every request (no HTTP Basic).
   */
  public static ApiClient webappSession(int port, String userId, String password) {
    ApiClient session = new ApiClient(port, null, null, new CookieManager());
    session.get("/camunda/app/tasklist/default/");
    Response login = session.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        "application/x-www-form-urlencoded", "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    if (login.status() != 200) {
      throw new IllegalStateException("web app login of " + userId + " answered " + login.status() + ": " + login.body());
    }
    session.get("/camunda/app/tasklist/default/"); // the logged-in session's CSRF token
    return session;
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response send(String method, String path, String contentType, String body) {
    return sendBytes(method, path, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A request with this Accept header instead of application/json. */
  public Response send(String method, String path, String contentType, String body, String accept) {
    var builder = request(path).setHeader("Accept", accept).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder);
  }

  /** A request whose body is these bytes, as sent (a file in another encoding than it claims, say). */
  public Response sendBytes(String method, String path, String contentType, byte[] body) {
    var builder = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder);
  }

  public Response postJson(String path, String json) {
    return send("POST", path, "application/json", json);
  }

  /** A multipart/form-data POST, as browsers and Camunda Modeler send files: text fields, then one file. */
  public Response multipart(String path, Map<String, String> fields, String fileName, byte[] file) {
    String boundary = "----mmc" + UUID.randomUUID();
    var body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /**
   * A GET written on the socket as it is given: a request line Java's URI would refuse to build
   * ({@code ?name=%zz}) reaches the server as an attacker sends it.
   */
  public Response rawGet(String pathAndQuery) {
    try (var socket = new java.net.Socket("localhost", port)) {
      String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: application/json\r\n"
          + (user == null ? "" : "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
              .getBytes(StandardCharsets.UTF_8)) + "\r\n")
          + "Connection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(answer.substring(9, 12));
      int bodyStart = answer.indexOf("\r\n\r\n");
      String body = bodyStart < 0 ? "" : answer.substring(bodyStart + 4);
      if (answer.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
        body = unchunk(body);
      }
      return new Response(status, body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unchunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        break;
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    return body.toString();
  }

  /** The request with the session cookie but without Camunda's CSRF token (what another site's page could make a browser send). */
  public Response sendWithoutCsrfToken(String method, String path, String contentType, String body) {
    var builder = request(path, false).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder);
  }

  private HttpRequest.Builder request(String path) {
    return request(path, true);
  }

  private HttpRequest.Builder request(String path, boolean csrfToken) {
    var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json");
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    if (cookies != null && csrfToken) {
      cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
          .findFirst().ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
    }
    return builder;
  }

  private Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
