package org.mmccycle.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The application as a separate JVM, the way people run it: from target/classes like
 * {@code mvn spring-boot:run}, or as {@code java -jar}. Each runs on a free port, in a fresh working
 * directory (so the H2 database in ./data is new), with its log under target/browser-it/.
 */
final class RunningApp implements AutoCloseable {

  enum Launch { CLASSES, JAR }

  static final Path OUTPUT = Path.of("target", "browser-it").toAbsolutePath();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  final Launch launch;
  final int port;
  final Path workDir;
  final Path log;
  private final Process process;
  private final Thread killer;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private RunningApp(Launch launch, int port, Path workDir, Path log, Process process) {
    this.launch = launch;
    this.port = port;
    this.workDir = workDir;
    this.log = log;
    this.process = process;
    // the app must not outlive a test JVM that is interrupted
    this.killer = new Thread(this::kill, "kill-mmc-" + launch);
    Runtime.getRuntime().addShutdownHook(killer);
  }

  static RunningApp start(Launch launch) throws IOException {
    Files.createDirectories(OUTPUT);
    Path workDir = Files.createTempDirectory(OUTPUT, "work-" + launch.name().toLowerCase() + "-");
    return start(launch, workDir, freePort(), OUTPUT.resolve("app-" + launch.name().toLowerCase() + ".log"));
  }

  /** Stops the application (as an operator does: SIGTERM, graceful) and starts it again on its folder, database and port. */
  RunningApp restart() throws IOException {
    close();
    return start(launch, workDir, port, OUTPUT.resolve("app-" + launch.name().toLowerCase() + "-restarted.log"));
  }

  private static RunningApp start(Launch launch, Path workDir, int port, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> arguments = new ArrayList<>();
    arguments.add("-Djava.io.tmpdir=" + Files.createDirectories(workDir.resolve("tmp")));
    switch (launch) {
      case CLASSES -> {
        arguments.add("-cp");
        arguments.add(applicationClasspath());
        arguments.add("org.mmccycle.MmcCycleApplication");
      }
      case JAR -> {
        arguments.add("-jar");
        arguments.add(packagedJar().toString());
      }
    }
    arguments.add("--spring.profiles.active=demo");
    // an argument file, like spring-boot:run's long class path; it also keeps this JVM's command line
    // short and specific, so that nobody's `pkill -f MmcCycleApplication` stops the test's application
    Path argumentFile = OUTPUT.resolve("app-" + launch.name().toLowerCase() + ".args");
    Files.write(argumentFile, arguments.stream().map(RunningApp::quoted).toList(), StandardCharsets.UTF_8);
    List<String> command = List.of(java, "@" + argumentFile);
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("MMC_PORT", Integer.toString(port));
    builder.environment().remove("SPRING_PROFILES_ACTIVE");
    return new RunningApp(launch, port, workDir, log, builder.start());
  }

  /** target/classes and the dependencies, from the test JVM's class path, without the test classes. */
  private static String applicationClasspath() {
    List<String> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .filter(entry -> !Path.of(entry).endsWith(Path.of("target", "test-classes")))
        .collect(Collectors.toList());
    boolean hasClasses = entries.stream().anyMatch(entry -> Path.of(entry).endsWith(Path.of("target", "classes")));
    if (!hasClasses) {
      fail("the test class path has no target/classes (surefire/failsafe should put it there): " + entries);
    }
    return String.join(File.pathSeparator, entries);
  }

  /** One argument a line, quoted as java's argument files want it. */
  private static String quoted(String argument) {
    return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static Path packagedJar() {
    String jar = System.getProperty("mmc.jar");
    if (jar == null || jar.isBlank()) {
      fail("system property mmc.jar (the packaged jar) is not set: run this test through failsafe (mvn verify)");
    }
    Path path = Path.of(jar);
    if (!Files.isRegularFile(path)) {
      fail("the packaged jar " + path + " does not exist: run `mvn package -DskipTests` first");
    }
    return path;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Ready when the models are deployed and Tasklist's filters exist (both happen after "Started"). */
  RunningApp awaitReady() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        fail(describeExit() + "before it was ready\n" + logTail());
      }
      try {
        HttpResponse<String> definition = get("/engine-rest/process-definition/key/Process_ClientMaintenanceCycle", "demo");
        HttpResponse<String> filters = get("/engine-rest/filter/count", "demo");
        if (definition.statusCode() == 200 && filters.statusCode() == 200 && filters.body().matches(".*\"count\"\\s*:\\s*[3-9].*")) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      sleep(500);
    }
    fail(launch + ": the application was not ready within " + START_TIMEOUT + "\n" + logTail());
    return this;
  }

  HttpResponse<String> get(String path, String user) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), user);
  }

  HttpResponse<String> post(String path, String user) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody()), user);
  }

  HttpResponse<String> postJson(String path, String user, String json) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)), user);
  }

  /** A document (a PDF) as bytes. */
  HttpResponse<byte[]> getBytes(String path, String user) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), user, "*/*", HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String user) throws IOException {
    return send(request, user, "application/json", HttpResponse.BodyHandlers.ofString());
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder request, String user, String accept, HttpResponse.BodyHandler<T> body)
      throws IOException {
    String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    try {
      return http.send(request.timeout(Duration.ofSeconds(20))
          .header("Authorization", "Basic " + credentials)
          .header("Accept", accept)
          .build(), body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Why the application is gone, when it is. */
  String describeExit() {
    if (process.isAlive()) {
      return "";
    }
    int code = process.exitValue();
    return launch + ": the application exited with " + code
        + (code == 143 ? " (SIGTERM: stopped from outside the test)" : code == 137 ? " (SIGKILL: killed from outside the test)" : "") + "\n";
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "--- last lines of " + log + " ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e + ")";
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void kill() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }
}
