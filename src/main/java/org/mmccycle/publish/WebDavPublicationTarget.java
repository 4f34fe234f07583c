package org.mmccycle.publish;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.mmccycle.document.AtomicFiles;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Publishes to a WebDAV folder (SharePoint, Nextcloud, Apache mod_dav, ...):
 * {@code PUT <url>/<client-slug>/<file name>}, creating the client's folder with {@code MKCOL}
 * when the server says it is missing (409). HTTP Basic authentication is sent with every request.
 * Slug and file name are reduced to safe names, as for the folder target.
 */
@Component
@ConditionalOnProperty(name = "mmc.documents.publish-target", havingValue = "webdav")
public class WebDavPublicationTarget implements PublicationTarget {

  private static final int CONFLICT = 409;
  private static final int METHOD_NOT_ALLOWED = 405;

  private final URI base;
  private final String authorization;
  private final WebDavProperties properties;
  private final HttpClient http;

  public WebDavPublicationTarget(WebDavProperties properties) {
    if (properties.url() == null || !properties.url().isAbsolute()) {
      throw new IllegalStateException("mmc.documents.webdav.url must be an http(s) URL, not " + properties.url());
    }
    String url = properties.url().toString();
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
    this.authorization = properties.user() == null || properties.user().isEmpty() ? null
        : "Basic " + Base64.getEncoder().encodeToString(
            (properties.user() + ":" + Objects.requireNonNullElse(properties.password(), ""))
                .getBytes(StandardCharsets.UTF_8));
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public String publish(String clientSlug, String fileName, byte[] content) {
    URI folder = base.resolve(segment(clientSlug) + "/");
    URI file = folder.resolve(segment(fileName));
    int status = send("PUT", file, BodyPublishers.ofByteArray(content));
    if (status == CONFLICT) {
      // the client's folder does not exist yet; a 405 means another writer just created it
      int created = send("MKCOL", folder, BodyPublishers.noBody());
      if (!success(created) && created != METHOD_NOT_ALLOWED) {
        throw new PublicationException("WebDAV server refused to create " + folder + ": HTTP " + created);
      }
      status = send("PUT", file, BodyPublishers.ofByteArray(content));
    }
    if (!success(status)) {
      throw new PublicationException("WebDAV server refused " + file + ": HTTP " + status);
    }
    return file.toString();
  }

  private int send(String method, URI uri, BodyPublisher body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.timeout()).method(method, body);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return http.send(request.build(), BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new PublicationException("Could not reach the WebDAV server for " + method + " " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublicationException("Interrupted during " + method + " " + uri, e);
    }
  }

  private static boolean success(int status) {
    return status >= 200 && status < 300;
  }

  private static String segment(String name) {
    return URLEncoder.encode(AtomicFiles.safeSegment(name), StandardCharsets.UTF_8);
  }
}
