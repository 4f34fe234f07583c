package org.mmccycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** A real HTTP client with Basic auth against the running test server, and the users it logs in as. */
public final class ApiClient {

  public record Response(int status, String body) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;
  private final String user;
  private final String password;

  private ApiClient(int port, String user, String password) {
    this.port = port;
    this.user = user;
    this.password = password;
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
    return new ApiClient(port, userId, "secret-" + userId);
  }

  /** An existing user with a known password. */
  public static ApiClient basic(int port, String userId, String password) {
    return new ApiClient(port, userId, password);
  }

  public static ApiClient anonymous(int port) {
    return new ApiClient(port, null, null);
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response send(String method, String path, String contentType, String body) {
    var builder = request(path).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder);
  }

  public Response postJson(String path, String json) {
    return send("POST", path, "application/json", json);
  }

  private HttpRequest.Builder request(String path) {
    var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json");
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
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
