package org.mmccycle.resilience;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mmccycle.ApiClient;

/**
 * The application as a separate JVM, as an operator runs it: the packaged jar when the build made one
 * (failsafe passes {@code mmc.jar}), else the test classpath; working directory {@code dir}, so its H2
 * database is {@code dir/data}. The demo profile gives the users (sam, service manager; demo, admin).
 */
final class AppProcess {

  private final Process process;
  private final int port;

  private AppProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static AppProcess start(Path dir, String... arguments) throws Exception {
    // C1 only: a faster start on a busy machine, which is what the tests need
    return start(dir, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), arguments);
  }

  static AppProcess start(Path dir, List<String> jvmOptions, String... arguments) throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    String jar = System.getProperty("mmc.jar");
    if (jar != null && new File(jar).isFile()) {
      command.addAll(List.of("-jar", jar));
    } else {
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.mmccycle.MmcCycleApplication"));
    }
    command.addAll(List.of("--server.port=" + port, "--spring.profiles.active=demo",
        // a killed node's locked jobs are taken over after 10 s, not the default 5 minutes
        "--camunda.bpm.job-execution.lock-time-in-millis=10000",
        "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("app.log").toFile()))
        .start();
    var app = new AppProcess(process, port);
    ApiClient admin = app.as("demo");
    Node.await(Duration.ofSeconds(120), "the application answers on port " + port, () -> {
      if (!process.isAlive()) {
        throw new AssertionError("the application exited: see " + dir.resolve("app.log"));
      }
      try {
        return admin.get("/engine-rest/engine").status() == 200;
      } catch (RuntimeException e) {
        return false;
      }
    });
    return app;
  }

  int port() {
    return port;
  }

  /** A demo user (password "demo"). */
  ApiClient as(String user) {
    return ApiClient.basic(port, user, "demo");
  }

  /** kill -9: no shutdown hook, no flush, no goodbye. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM: Spring's graceful shutdown. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  static String log(Path dir) throws java.io.IOException {
    return Files.readString(dir.resolve("app.log"));
  }
}
