package org.mmccycle.blackbox;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.mmccycle.ApiClient;

/**
 * The application as a separate JVM, as an operator runs it: the packaged jar when the build made one
 * (failsafe passes {@code mmc.jar}), else the test classpath; working directory {@code dir}, so its H2
 * database is {@code dir/data}, its log {@code dir/app.log}. By default the demo profile (users sam,
 * tina, …, password "demo"; demo is the administrator).
 */
public final class PackagedApp {

  /** How to start it: profile, environment, the administrator that answers once it is ready. */
  public record Launch(String profile, Map<String, String> environment, String admin, String adminPassword, List<String> jvmOptions) {

    /** The demo setup, C1 only: a faster start on a busy machine, which is what the tests need. */
    public static Launch demo() {
      return new Launch("demo", Map.of(), "demo", "demo", List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
    }

    public Launch withJvmOptions(List<String> options) {
      return new Launch(profile, environment, admin, adminPassword, options);
    }
  }

  private final Process process;
  private final int port;
  private final Path dir;

  private PackagedApp(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
    // never outlive the test JVM, whatever the test did (a failed assertion before stop())
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill-app-" + port));
  }

  public static PackagedApp start(Path dir, String... arguments) throws Exception {
    return start(dir, Launch.demo(), arguments);
  }

  public static PackagedApp start(Path dir, List<String> jvmOptions, String... arguments) throws Exception {
    return start(dir, Launch.demo().withJvmOptions(jvmOptions), arguments);
  }

  public static PackagedApp start(Path dir, Launch launch, String... arguments) throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(launch.jvmOptions());
    String jar = System.getProperty("mmc.jar");
    if (jar != null && new File(jar).isFile()) {
      command.addAll(List.of("-jar", jar));
    } else {
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.mmccycle.MmcCycleApplication"));
    }
    command.addAll(List.of("--server.port=" + port, "--spring.profiles.active=" + launch.profile(),
        // a killed node's locked jobs are taken over after 10 s, not the default 5 minutes
        "--camunda.bpm.job-execution.lock-time-in-millis=10000",
        "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("app.log").toFile()));
    builder.environment().remove("SPRING_PROFILES_ACTIVE");
    builder.environment().putAll(launch.environment());
    var app = new PackagedApp(builder.start(), port, dir);
    ApiClient admin = ApiClient.basic(port, launch.admin(), launch.adminPassword());
    await(Duration.ofSeconds(120), "the application answers on port " + port, () -> {
      if (!app.process.isAlive()) {
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

  public int port() {
    return port;
  }

  /** A demo user (password "demo"). */
  public ApiClient as(String user) {
    return ApiClient.basic(port, user, "demo");
  }

  /** kill -9: no shutdown hook, no flush, no goodbye. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM: Spring's graceful shutdown. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  public String log() throws IOException {
    return log(dir);
  }

  public static String log(Path dir) throws IOException {
    return Files.readString(dir.resolve("app.log"));
  }

  /** Polls the condition every 250 ms until it holds, or fails after the timeout. */
  public static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
      }
      Thread.sleep(250);
    }
  }
}
