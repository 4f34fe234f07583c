package org.mmccycle.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.authenticator.BasicAuthenticator;
import org.apache.catalina.realm.GenericPrincipal;
import org.apache.catalina.realm.RealmBase;
import org.apache.catalina.servlets.WebdavServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.LoginConfig;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishes to a real WebDAV server on loopback: Apache Tomcat's own {@link WebdavServlet} (PUT,
 * MKCOL, PROPFIND, LOCK; already on the classpath with Spring Boot's Tomcat), writing into a
 * temporary folder, behind Tomcat's HTTP Basic authentication.
 */
class WebDavPublicationTargetTest {

  private static final String USER = "publisher";
  private static final String PASSWORD = "s3cret-Pa55";
  private static final byte[] PDF = "%PDF-1.4 checklist".getBytes(StandardCharsets.US_ASCII);

  /** What the server answered, as "METHOD /path STATUS". */
  private static final List<String> exchanges = new CopyOnWriteArrayList<>();

  @TempDir static Path davRoot;
  private static Tomcat tomcat;
  private static URI url;

  @BeforeAll
  static void startWebDavServer() throws LifecycleException, IOException {
    tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createDirectories(davRoot.resolve("../tomcat-" + System.nanoTime())).toString());
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    Path docs = Files.createDirectories(davRoot.resolve("dav"));
    Context context = tomcat.addContext("/dav", docs.toString());
    var dav = Tomcat.addServlet(context, "webdav", new WebdavServlet());
    dav.addInitParameter("readonly", "false");
    dav.addInitParameter("listings", "true");
    context.addServletMappingDecoded("/*", "webdav");
    context.getPipeline().addValve(new ValveBase() {
      @Override
      public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        exchanges.add(request.getMethod() + " " + request.getRequestURI() + " " + response.getStatus());
      }
    });
    requireBasicAuthentication(context);
    tomcat.start();
    url = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/dav/checklists/");
    Files.createDirectories(docs.resolve("checklists"));
  }

  private static void requireBasicAuthentication(Context context) {
    var login = new LoginConfig();
    login.setAuthMethod("BASIC");
    login.setRealmName("mmc");
    context.setLoginConfig(login);
    context.addSecurityRole("publish");
    var constraint = new SecurityConstraint();
    constraint.addAuthRole("publish");
    var everything = new SecurityCollection();
    everything.addPattern("/*");
    constraint.addCollection(everything);
    context.addConstraint(constraint);
    context.getPipeline().addValve(new BasicAuthenticator());
    context.setRealm(new RealmBase() {
      @Override
      protected String getPassword(String username) {
        return USER.equals(username) ? PASSWORD : null;
      }

      @Override
      protected Principal getPrincipal(String username) {
        return new GenericPrincipal(username, List.of("publish"));
      }
    });
  }

  @AfterAll
  static void stopWebDavServer() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
  }

  private static PublicationTarget target(String password) {
    return new WebDavPublicationTarget(new WebDavProperties(url, USER, password, Duration.ofSeconds(10)));
  }

  private static Path onServer(String path) {
    return davRoot.resolve("dav/checklists").resolve(path);
  }

  @Test
  void shouldCreateTheClientsFolderAndPutTheFile() {
    String where = target(PASSWORD).publish("acme", "checklist-2026-12-r4.pdf", PDF);

    assertThat(where).isEqualTo(url + "acme/checklist-2026-12-r4.pdf");
    assertThat(onServer("acme/checklist-2026-12-r4.pdf")).hasBinaryContent(PDF);
    assertThat(exchanges).containsSubsequence(
        "PUT /dav/checklists/acme/checklist-2026-12-r4.pdf 409",
        "MKCOL /dav/checklists/acme/ 201",
        "PUT /dav/checklists/acme/checklist-2026-12-r4.pdf 201");
  }

  @Test
  void shouldReplaceAnEarlierPublicationOfTheSameName() {
    target(PASSWORD).publish("beta", "checklist.pdf", "old".getBytes(StandardCharsets.US_ASCII));

    target(PASSWORD).publish("beta", "checklist.pdf", PDF);

    assertThat(onServer("beta/checklist.pdf")).hasBinaryContent(PDF);
  }

  @Test
  void shouldKeepAClimbingSlugAndFileNameInsideTheFolder() throws IOException {
    String where = target(PASSWORD).publish("../../etc", "../pass wd", PDF);

    assertThat(where).isEqualTo(url + "etc/pass-wd");
    assertThat(onServer("etc/pass-wd")).hasBinaryContent(PDF);
    try (Stream<Path> files = Files.walk(davRoot.resolve("dav"), 1)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("dav", "checklists");
    }
  }

  @Test
  void shouldFailWithTheStatusWhenTheServerRefusesTheCredentials() {
    assertThatThrownBy(() -> target("wrong").publish("gamma", "checklist.pdf", PDF))
        .isInstanceOf(PublicationException.class)
        .hasMessageContaining("HTTP 401")
        .hasMessageNotContaining("wrong");
    assertThat(onServer("gamma")).doesNotExist();
  }

  @Test
  void shouldFailWhenTheServerCannotBeReached() {
    var nowhere = new WebDavPublicationTarget(
        new WebDavProperties(URI.create("http://127.0.0.1:9/dav/"), USER, PASSWORD, Duration.ofSeconds(2)));

    assertThatThrownBy(() -> nowhere.publish("acme", "a.pdf", PDF))
        .isInstanceOf(PublicationException.class).hasMessageContaining("Could not reach");
  }
}
