package org.mmccycle.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mmccycle.checklist.ChecklistItem;
import org.mmccycle.document.BareRender;
import org.mmccycle.document.PdfRenderer;
import org.mmccycle.document.VisitRecord;

/**
 * Also run by {@code mvn -Pbench verify} (its {@code @Test}). How long rendering a filed record (70 items, PDF/A-2b) takes: the first render (start-up
 * included: FopFactory, templates, fonts), then the median and p95 of warm renders on one thread,
 * then throughput on two threads sharing the renderer. Not a test; run it by hand:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.mmccycle.bench.RecordRenderBenchmark [renders]
 * </pre>
 */
class RecordRenderBenchmark {

  /** What {@link #run} measured. */
  record Result(int renders, double firstMs, int bytes, double medianMs, double p95Ms, double maxMs, double twoThreadWallMs,
      double medianCpuMs, double bareMedianMs, double bareMedianCpuMs) {}

  /** The bench profile's entry point ({@code mvn -Pbench verify}): 200 renders, table into docs/bench-results.md. */
  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void renderFiledRecord() throws Exception {
    String load = BenchReport.loadAverage();
    Result r = run(Integer.getInteger("bench.renders", 200));
    BenchReport.write("render", "### Rendering a filed 70-item record (issue 8, part 2)\n\n"
        + "Command: `" + BenchReport.COMMAND + "` (class `org.mmccycle.bench.RecordRenderBenchmark`, same record and "
        + "procedure as above: first render with the renderer's construction, 50 unmeasured, then " + r.renders()
        + " warm renders on one thread, then " + r.renders() + " on 2 threads sharing the renderer).\n\n"
        + BenchReport.machine(load) + "\n\n"
        + "| measure | result |\n| --- | ---: |\n"
        + BenchReport.f("| first render (construction included), %,d bytes | %s |%n", r.bytes(), BenchReport.ms(r.firstMs()))
        + BenchReport.f("| warm, 1 thread: median | %s |%n", BenchReport.ms(r.medianMs()))
        + BenchReport.f("| warm, 1 thread: median CPU time of the rendering thread | %s |%n", BenchReport.ms(r.medianCpuMs()))
        + BenchReport.f("| warm, 1 thread: p95 | %s |%n", BenchReport.ms(r.p95Ms()))
        + BenchReport.f("| warm, 1 thread: max | %s |%n", BenchReport.ms(r.maxMs()))
        + BenchReport.f("| warm, 2 threads: wall | %s (%s per record, %.1f records/s) |%n", BenchReport.ms(r.twoThreadWallMs()),
            BenchReport.ms(r.twoThreadWallMs() / r.renders()), r.renders() * 1000 / r.twoThreadWallMs())
        + BenchReport.f("| baseline: a one-page PDF/A-2b, FOP as it comes, same font, warm, 1 thread: median (CPU) | %s (%s) |%n",
            BenchReport.ms(r.bareMedianMs()), BenchReport.ms(r.bareMedianCpuMs())));
    BenchRatios.report("render", "the filed record against a bare FOP render (" + r.renders() + " warm renders each, one thread)", List.of(
        new BenchRatios.Ratio("render.record", "filed 70-item record / bare one-page PDF/A, median wall", r.medianMs(), r.bareMedianMs(), "ms"),
        new BenchRatios.Ratio("render.record.cpu", "the same, median CPU time of the rendering thread", r.medianCpuMs(),
            r.bareMedianCpuMs(), "ms")));
  }

  public static void main(String[] args) throws Exception {
    run(args.length > 0 ? Integer.parseInt(args[0]) : 200);
  }

  static Result run(int renders) throws Exception {
    // as in the application (logging.level.org.apache.fop: warn): without Spring Boot's logging set-up,
    // logback logs FOP's "Rendered page" lines at DEBUG/INFO, which costs time per render
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.INFO);
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.fop"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    VisitRecord record = record(70);

    long start = System.nanoTime();
    PdfRenderer renderer = new PdfRenderer(Clock.system(ZoneId.of("Europe/Berlin")));
    byte[] first = renderer.renderRecord(record);
    double firstMs = millis(System.nanoTime() - start);
    System.out.printf("first render (incl. renderer construction): %.0f ms, %d bytes%n", firstMs, first.length);

    double[][] measured = warmRenders(renders, () -> renderer.renderRecord(record));
    double[] warm = measured[0];
    double[] cpu = measured[1];
    System.out.printf("warm, 1 thread: median CPU time of the rendering thread %.1f ms%n", percentile(cpu, 50));
    System.out.printf("warm, 1 thread, %d renders: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
        renders, percentile(warm, 50), percentile(warm, 95), warm[warm.length - 1]);

    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<byte[]>> results = new ArrayList<>();
    long t = System.nanoTime();
    for (int i = 0; i < renders; i++) {
      results.add(threads.submit(() -> renderer.renderRecord(record)));
    }
    for (Future<byte[]> result : results) {
      result.get();
    }
    double wallMs = millis(System.nanoTime() - t);
    threads.shutdown();
    System.out.printf("warm, 2 threads, %d renders: %.0f ms wall, %.1f ms per record, %.1f records/s%n",
        renders, wallMs, wallMs / renders, renders * 1000 / wallMs);
    // the baseline, same procedure, same run: FOP as it comes rendering a one-page PDF/A-2b in the same font
    BareRender bare = new BareRender();
    double[][] baseline = warmRenders(renders, bare::onePage);
    System.out.printf("bare one-page PDF/A, warm, 1 thread: median %.1f ms, median CPU %.1f ms%n", percentile(baseline[0], 50),
        percentile(baseline[1], 50));
    return new Result(renders, firstMs, first.length, percentile(warm, 50), percentile(warm, 95), warm[warm.length - 1], wallMs,
        percentile(cpu, 50), percentile(baseline[0], 50), percentile(baseline[1], 50));
  }

  /** 50 unmeasured renders, then {@code renders} on this thread: their wall and CPU times (ms), each sorted. */
  private static double[][] warmRenders(int renders, Callable<byte[]> render) throws Exception {
    for (int i = 0; i < 50; i++) {
      render.call();
    }
    // CPU time of the rendering thread too: on a shared machine, wall time includes waiting for a core
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] wall = new double[renders];
    double[] cpu = new double[renders];
    for (int i = 0; i < renders; i++) {
      long c = mx.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      render.call();
      wall[i] = millis(System.nanoTime() - t);
      cpu[i] = millis(mx.getCurrentThreadCpuTime() - c);
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new double[][] {wall, cpu};
  }

  private static VisitRecord record(int count) {
    List<ChecklistItem> items = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String status = i % 7 == 0 ? ChecklistItem.ISSUE : i % 11 == 0 ? ChecklistItem.NOT_APPLICABLE : ChecklistItem.DONE;
      items.add(new ChecklistItem("dev" + i % 5 + "/item-" + i, "Device " + i % 5, "Server",
          i % 2 == 0 ? "Backups and restore test" : "Logs and disks", "Check item number " + i, status,
          ChecklistItem.ISSUE.equals(status) ? "Problem noted at item " + i : null));
    }
    Instant now = Instant.parse("2026-11-20T14:00:00Z");
    return new VisitRecord("acme", "Acme Logistics GmbH", "2026-11", "on-site", "Tina Technician", now, items,
        "Logs moved from C: to D:", "Log path updated", "Sam Manager", now, List.of());
  }

  private static double percentile(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }
}
