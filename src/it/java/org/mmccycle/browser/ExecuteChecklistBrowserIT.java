package org.mmccycle.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmccycle.browser.RunningApp.Launch;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A technician executes a client's checklist in Camunda Tasklist, in a real Chromium: the embedded
 * form (forms/execute-checklist.html) shows every row, Complete is enabled once every row has a
 * status, and every row's status and note come back in the Json variable {@code checklistItems}.
 * Runs the application both from target/classes (like {@code mvn spring-boot:run}) and as the
 * packaged jar ({@code java -jar}), because the form's resource name must resolve in both. With the
 * jar, the first 30 answers are left as a draft first: they are still there after a reload, in a
 * second browser logged in as the same technician, and after the application is restarted.
 *
 * <p>Uses the Debian chromium and chromium-driver only: Selenium Manager is never asked for a
 * driver or a browser. With {@code CI=true} a missing chromium fails the test instead of skipping it.
 */
class ExecuteChecklistBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration UI_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration TASK_TIMEOUT = Duration.ofSeconds(60);
  private static final String[] STATUSES = {"done", "issue", "na"};
  private static final Set<String> ITEM_FIELDS = Set.of("id", "device", "deviceKind", "section", "text", "status", "note", "markedInBulk");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long T0 = System.nanoTime();

  /** Progress on stdout (failsafe keeps it in the report): where the time goes. */
  private static void step(Launch launch, String what) {
    System.out.printf("[browser-it %6.1fs] %s: %s%n", (System.nanoTime() - T0) / 1e9, launch, what);
  }

  /** What Selenium said about finding the driver: it must have skipped Selenium Manager. */
  private static final List<String> DRIVER_FINDER_LOG = new ArrayList<>();
  /** Held here: java.util.logging keeps loggers weakly, and would drop the level and the handler. */
  private static final Logger DRIVER_FINDER = Logger.getLogger("org.openqa.selenium.remote.service.DriverFinder");

  /** Checks for the browser first, then starts both applications (no point starting them without it). */
  @BeforeAll
  static void setUp() throws IOException {
    Files.deleteIfExists(TIMINGS);
    if (!chromiumIsInstalled()) {
      return; // each test is skipped (see browserAvailable)
    }
    for (Launch launch : Launch.values()) {
      APPS.put(launch, RunningApp.start(launch));
    }
  }

  @BeforeEach
  void browserAvailable() {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), MISSING + "; skipped outside CI");
  }

  private static final String MISSING = "the browser test needs the Debian packages chromium and chromium-driver ("
      + CHROMIUM + ", " + CHROMEDRIVER + ")";

  /** With CI=true a missing browser fails the build; elsewhere the tests are skipped. */
  private static boolean chromiumIsInstalled() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      assertTrue(installed, "CI=true: " + MISSING + " — install them (see .ci/run); the test is never skipped in CI");
    }
    if (!installed) {
      return false;
    }
    // never let Selenium look for (or download) a driver: the path is given, Selenium Manager stays off
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    DRIVER_FINDER.setLevel(Level.FINE);
    DRIVER_FINDER.addHandler(new Handler() {
      @Override public void publish(LogRecord record) {
        synchronized (DRIVER_FINDER_LOG) {
          DRIVER_FINDER_LOG.add(String.valueOf(record.getMessage()));
        }
      }
      @Override public void flush() {}
      @Override public void close() {}
    });
    return true;
  }

  /** Both applications start at once (each on its own port, in its own directory): it saves a start-up. */
  private static final Map<Launch, RunningApp> APPS = new EnumMap<>(Launch.class);

  @AfterAll
  static void stopApplications() {
    APPS.values().forEach(RunningApp::close);
  }

  @Test
  void technicianExecutesChecklistWhenStartedFromClasses() throws Exception {
    executeChecklistInTasklist(Launch.CLASSES);
  }

  @Test
  void technicianExecutesChecklistWhenStartedAsJar() throws Exception {
    executeChecklistInTasklist(Launch.JAR);
  }

  private void executeChecklistInTasklist(Launch launch) throws Exception {
    Path seleniumCache = Path.of(System.getProperty("user.home"), ".cache", "selenium");
    boolean cacheExisted = Files.exists(seleniumCache);
    RunningApp app = APPS.get(launch); // stopped after all tests: a graceful stop here would only cost time
    app.awaitReady();
    step(launch, "application ready on port " + app.port);
    String month = openMonth(app);
    awaitTechnicianTask(app);
    step(launch, "month " + month + " opened, a technician's task exists");

    WebDriver browser = startChromium(launch, "first");
    step(launch, "chromium started");
    try {
      runInTasklist(app, browser, launch, month);
      step(launch, "checked through /engine-rest");
    } catch (Throwable failure) {
      String label = launch.name().toLowerCase();
      screenshot(browser, "failure-" + label);
      Files.writeString(RunningApp.OUTPUT.resolve("failure-" + label + ".html"), browser.getPageSource());
      failure.addSuppressed(new AssertionError(APPS.get(launch).describeExit() + APPS.get(launch).logTail())); // restarted, maybe
      throw failure;
    } finally {
      browser.quit();
    }
    synchronized (DRIVER_FINDER_LOG) {
      assertTrue(DRIVER_FINDER_LOG.stream().anyMatch(message -> message.startsWith("Skipping Selenium Manager")),
          "Selenium must use " + CHROMEDRIVER + " without Selenium Manager; it logged: " + DRIVER_FINDER_LOG);
    }
    if (!cacheExisted) {
      assertFalse(Files.exists(seleniumCache), "Selenium Manager ran: " + seleniumCache + " was created");
    }
  }

  private void runInTasklist(RunningApp app, WebDriver browser, Launch launch, String month) throws Exception {
    String label = launch.name().toLowerCase();
    WebDriverWait wait = new WebDriverWait(browser, UI_TIMEOUT);

    logIn(app, browser, "tina");

    // "My tasks": the client's technician has each step of the cycle without claiming it, and the card
    // names the client, the month and the visit date
    showFilter(browser, "My tasks");
    String monthLabel = YearMonth.parse(month).format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
    By executeTask = By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')]//h4[contains(@class,'task')]/a[starts-with(normalize-space(), 'Execute checklist')]");
    WebElement card = wait.until(ExpectedConditions.elementToBeClickable(executeTask));
    String cardTitle = card.getText();
    double clickedInPage = pageNow(browser);
    long clicked = System.nanoTime();
    card.click();
    String taskId = wait.until(ExecuteChecklistBrowserIT::taskInUrl);
    JsonNode task = json(app.get("/engine-rest/task/" + taskId, "demo"));
    assertEquals("Task_ExecuteChecklist", task.path("taskDefinitionKey").asText());
    assertEquals("tina", task.path("assignee").asText(), "the step is the client's technician's without a claim");
    String processInstanceId = task.path("processInstanceId").asText();
    String clientName = historicValue(app, processInstanceId, "clientName").path("value").asText();
    assertTrue(cardTitle.contains(clientName) && cardTitle.contains(monthLabel) && cardTitle.contains("visit "),
        "the card names the client (" + clientName + "), the month (" + monthLabel + ") and the visit: " + cardTitle);
    List<Map<String, Object>> original = checklistItems(app, processInstanceId);
    assertFalse(original.isEmpty(), "the cycle has no checklist items");

    step(launch, "task " + taskId + " opened from \"My tasks\" (" + original.size() + " items): " + cardTitle);
    By rows = By.cssSelector("form .mmc-item[data-item-id]");
    new WebDriverWait(browser, UI_TIMEOUT, READY_POLL).until(ExpectedConditions.numberOfElementsToBe(rows, original.size()));
    timing(launch, "Execute form ready after the click on its card in Tasklist (" + original.size() + " items, no draft)", clicked,
        requestsSince(browser, clickedInPage));
    // Tasklist marks the form of an unclaimed task with the class disabled-form: hers needs no claim
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".disabled-form"), 0));
    assertTrue(browser.findElements(By.cssSelector("button.claim")).isEmpty(), "no claim needed for her own task");

    By complete = By.xpath("//button[@type='submit' and normalize-space()='Complete']");
    assertFalse(browser.findElement(complete).isEnabled(), "Complete must stay disabled while rows have no status");

    step(launch, "form shown");
    // every row: a status (a mix of done, issue, n/a) and a note, typed and clicked like a person would
    List<String> ids = browser.findElements(rows).stream().map(row -> row.getDomAttribute("data-item-id")).toList();
    assertEquals(original.stream().map(item -> item.get("id")).toList(), ids, "the form shows every item, in the checklist's order");
    List<String> expectedStatus = new ArrayList<>();
    List<String> expectedNote = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      expectedStatus.add(STATUSES[i % STATUSES.length]);
      // a few notes with quotes, markup characters and umlauts; short ones on the issues (which need
      // one), none elsewhere: every key is an input event that waits for a frame (~15 ms)
      expectedNote.add(i < 3 ? "Row " + (i + 1) + ": \"ok\" & <fine> – ü" : "issue".equals(expectedStatus.get(i)) ? "n" + (i + 1) : null);
    }
    int drafted = 0;
    if (launch == Launch.JAR) {
      // the answers are saved on the server as she works: a reload, a second browser and a restart keep them
      drafted = DRAFTED;
      for (int i = 0; i < drafted; i++) {
        answer(browser, i, expectedStatus.get(i), expectedNote.get(i));
      }
      awaitDraftOnServer(app, taskId, drafted);
      step(launch, drafted + " answers saved as a draft");
      long reloaded = System.nanoTime();
      browser.navigate().refresh();
      awaitAnswered(browser, expectedStatus.subList(0, drafted), expectedNote.subList(0, drafted));
      timing(launch, "Execute form ready with its draft after a reload (" + original.size() + " items, " + drafted
          + " restored; Tasklist loaded anew)", reloaded, requestsSince(browser, 0));
      step(launch, "after a reload: " + drafted + " answered");
      WebDriver second = startChromium(launch, "second");
      try {
        logIn(app, second, "tina");
        openTask(app, second, taskId);
        awaitAnswered(second, expectedStatus.subList(0, drafted), expectedNote.subList(0, drafted));
        step(launch, "in a second browser: " + drafted + " answered");
      } finally {
        second.quit();
      }
      // as on any working day: the application and Tasklist running, the card clicked in the list
      browser.get(app.baseUrl() + "/camunda/app/tasklist/default/#/");
      showFilter(browser, "My tasks");
      wait.until(ExpectedConditions.elementToBeClickable(executeTask));
      double againInPage = pageNow(browser);
      long clickedAgain = System.nanoTime();
      // Tasklist may redraw its list once more after the filter changed: the card is looked up at the click
      new WebDriverWait(browser, UI_TIMEOUT, READY_POLL).ignoring(StaleElementReferenceException.class).until(driver -> {
        driver.findElement(executeTask).click();
        return true;
      });
      awaitAnswered(browser, expectedStatus.subList(0, drafted), expectedNote.subList(0, drafted));
      timing(launch, "Execute form ready with its draft after the click on its card, Tasklist open (" + original.size() + " items, "
          + drafted + " restored)", clickedAgain, requestsSince(browser, againInPage));
      app = app.restart().awaitReady();
      APPS.put(launch, app);
      step(launch, "application restarted");
      logIn(app, browser, "tina");
      long opened = System.nanoTime();
      openTask(app, browser, taskId);
      awaitAnswered(browser, expectedStatus.subList(0, drafted), expectedNote.subList(0, drafted));
      timing(launch, "Execute form ready with its draft after opening the task's link (" + original.size() + " items, "
          + drafted + " restored; Tasklist loaded anew)", opened, requestsSince(browser, 0));
      step(launch, "after a restart: " + drafted + " answered");
    }
    // from classes: the last section is left to "Mark the N open items done", which the record keeps as marked in bulk
    int bulkFrom = ids.size();
    if (launch == Launch.CLASSES) {
      Map<String, Object> last = original.get(original.size() - 1);
      while (bulkFrom > drafted && original.get(bulkFrom - 1).get("device").equals(last.get("device"))
          && original.get(bulkFrom - 1).get("section").equals(last.get("section"))) {
        bulkFrom--;
      }
    }
    for (int i = drafted; i < bulkFrom; i++) {
      answer(browser, i, expectedStatus.get(i), expectedNote.get(i));
    }
    if (bulkFrom < ids.size()) {
      List<WebElement> bulkButtons = browser.findElements(By.xpath("//div[contains(@class,'mmc-section')]//button[starts-with(normalize-space(), 'Mark the')]"));
      assertEquals(1, bulkButtons.size(), "only the last section has open items");
      click(browser, bulkButtons.get(0));
      for (int i = bulkFrom; i < ids.size(); i++) {
        expectedStatus.set(i, "done");
        expectedNote.set(i, null);
      }
      step(launch, (ids.size() - bulkFrom) + " items of the last section marked done in bulk");
      phoneLayout(browser, launch);
    }
    click(browser, browser.findElement(By.xpath("//label[.//input[@type='radio' and @value='on-site']]")));
    String suggestion = "GB-SRV01 logs moved from C: to D:; add the new NAS to the backup section";
    browser.findElement(By.id("revisionSuggestions")).sendKeys(suggestion);

    step(launch, "every row filled");
    scrollFormTo(browser, "top");
    screenshot(browser, "filled-" + label + "-top");
    scrollFormTo(browser, "bottom");
    screenshot(browser, "filled-" + label + "-bottom");

    WebElement completeButton = browser.findElement(complete);
    assertTrue(completeButton.isEnabled(), "Complete must be enabled once every row has a status");
    click(browser, completeButton);

    // the task is gone, and the variables hold exactly what was entered
    awaitTaskCompleted(app, taskId);
    step(launch, "completed");
    String raw = checklistItemsRaw(app, processInstanceId);
    assertFalse(raw.contains("$$hashKey"), "Angular's $$hashKey was stored: " + raw);
    List<Map<String, Object>> stored = JSON.readValue(raw, new TypeReference<>() {});
    assertEquals(original.size(), stored.size(), "every row must be stored");
    for (int i = 0; i < stored.size(); i++) {
      Map<String, Object> row = stored.get(i);
      Map<String, Object> before = original.get(i);
      for (String field : List.of("id", "device", "deviceKind", "section", "text")) {
        assertEquals(before.get(field), row.get(field), "row " + i + " field " + field);
      }
      assertEquals(expectedStatus.get(i), row.get("status"), "row " + i + " (" + row.get("id") + ") status");
      assertEquals(expectedNote.get(i), row.get("note"), "row " + i + " (" + row.get("id") + ") note");
      assertEquals(i >= bulkFrom ? Boolean.TRUE : null, row.get("markedInBulk"), "row " + i + " marked in bulk");
      assertTrue(ITEM_FIELDS.containsAll(row.keySet()), "row " + i + " has unexpected fields: " + row.keySet());
    }
    assertEquals("on-site", historicValue(app, processInstanceId, "visitMode").path("value").asText());
    assertEquals(404, app.get("/api/tasks/" + taskId + "/draft", "tina").statusCode(), "the completion removed the draft");
    reviseInTasklist(app, browser, launch, processInstanceId);
    assertEquals(suggestion, historicValue(app, processInstanceId, "revisionSuggestions").path("value").asText());
    assertEquals("tina", historicValue(app, processInstanceId, "executedBy").path("value").asText(), "executedBy");
    assertEquals(month, historicValue(app, processInstanceId, "cycleMonth").path("value").asText());
    if (launch == Launch.JAR) {
      sendBackFromPublish(app, browser, launch, processInstanceId);
      String fileId = awaitTask(app, processInstanceId, "Task_FileRecord");
      HttpResponse<String> filed = app.postJson("/engine-rest/task/" + fileId + "/complete", "tina",
          "{\"variables\":{\"filingNote\":{\"value\":\"Filed by month\",\"type\":\"String\"}}}");
      assertEquals(204, filed.statusCode(), "tina files the record: " + filed.body());
      String reworded = publishRewordedRevision(app, historicValue(app, processInstanceId, "clientSlug").path("value").asText());
      cycleBoardAsServiceManager(app, launch, historicValue(app, processInstanceId, "clientName").path("value").asText(), reworded,
          processInstanceId);
      bottlenecksInCockpit(app, launch);
    }
  }

  /**
   * petra (process owner) reads where the cycle waits in Cockpit: the dashboard's panel, and each job's
   * times and overdue count on the client cycle's diagram (Execute was done once by now).
   */
  private static void bottlenecksInCockpit(RunningApp app, Launch launch) throws IOException {
    String definitionId = json(app.get("/engine-rest/process-definition/key/Process_ClientMaintenanceCycle", "demo")).path("id").asText();
    WebDriver petra = startChromium(launch, "petra");
    try {
      WebDriverWait wait = new WebDriverWait(petra, UI_TIMEOUT);
      petra.get(app.baseUrl() + "/camunda/app/cockpit/");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys("petra");
      petra.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
      petra.findElement(By.cssSelector("form button[type='submit']")).click();
      WebElement execute = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("#mmc-bottlenecks tr[data-job='execute']")));
      wait.until(driver -> !execute.findElements(By.tagName("td")).get(1).getText().isEmpty());
      List<String> cells = execute.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
      assertEquals("Execute checklist", cells.get(0), "the dashboard row: " + cells);
      assertTrue(Integer.parseInt(cells.get(1)) >= 1 && cells.get(2).matches("[0-9.]+ (min|h|d)"), "Execute done, with its median: " + cells);
      screenshot(petra, "cockpit-dashboard");
      petra.get(app.baseUrl() + "/camunda/app/cockpit/default/#/process-definition/" + definitionId + "/runtime");
      WebElement badge = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".mmc-bottleneck[data-job='execute']")));
      assertTrue(badge.getText().startsWith("median ") && badge.getText().contains("overdue 0"), "the diagram's overlay: " + badge.getText());
      assertFalse(petra.findElements(By.cssSelector(".mmc-bottleneck[data-job='file']")).isEmpty(), "every job has its overlay");
      screenshot(petra, "cockpit-diagram");
      step(launch, "petra reads the jobs' times on Cockpit's dashboard and the cycle's diagram: " + badge.getText());
      JsonNode running = json(app.get("/engine-rest/process-instance?processDefinitionKey=Process_ClientMaintenanceCycle&maxResults=1", "demo")).path(0);
      String runningId = running.path("id").asText();
      String runningClient = json(app.get("/engine-rest/process-instance/" + runningId + "/variables/clientName", "demo")).path("value").asText();
      petra.get(app.baseUrl() + "/camunda/app/cockpit/default/#/process-instance/" + runningId + "/runtime");
      wait.until(ExpectedConditions.elementToBeClickable(
          By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Checklist']"))).click();
      WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#mmc-checklist .mmc-checklist-summary")));
      assertTrue(summary.getText().matches("\\d+ of \\d+ answered.*"), "the checklist tab's summary: " + summary.getText());
      assertTrue(petra.findElement(By.cssSelector("#mmc-checklist h4")).getText().startsWith(runningClient), "the tab names the client");
      assertFalse(petra.findElements(By.cssSelector("#mmc-checklist tr[data-item]")).isEmpty(), "the items are listed");
      screenshot(petra, "cockpit-checklist-tab");
      step(launch, "petra reads " + runningClient + "'s checklist in Cockpit's Checklist tab: " + summary.getText());
    } finally {
      petra.quit();
    }
  }

  /**
   * sam opens Publish checklist: the change against the published revision is listed and its PDF
   * previewed; he sends the revision back with a comment, and tina finds Revise in "My tasks" again
   * with his comment on top.
   */
  private static void sendBackFromPublish(RunningApp app, WebDriver tina, Launch launch, String processInstanceId) throws Exception {
    String publishId = awaitTask(app, processInstanceId, "Task_PublishChecklist");
    String comment = "Name the folder on D: (D:\\Logs)";
    WebDriver sam = startChromium(launch, "sam-publish");
    try {
      WebDriverWait wait = new WebDriverWait(sam, UI_TIMEOUT);
      logIn(app, sam, "sam");
      showFilter(sam, "My group's tasks");
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')]"
          + "//h4[contains(@class,'task')]/a[starts-with(normalize-space(), 'Publish checklist')]"))).click();
      wait.until(driver -> driver.getCurrentUrl().contains("task=" + publishId));
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
      WebElement changes = wait.until(ExpectedConditions.presenceOfElementLocated(
          By.xpath("//*[contains(@class,'fjs-form-field-text')][contains(., 'against the published revision')]")));
      assertTrue(changes.getText().contains("Reworded") && changes.getText().contains("(logs on D:)"),
          "Publish lists the reworded item: " + changes.getText());
      String preview = sam.findElement(By.xpath("//a[contains(., 'Preview the PDF')]")).getDomAttribute("href");
      HttpResponse<byte[]> pdf = app.getBytes(preview, "sam");
      assertEquals(200, pdf.statusCode(), "the preview " + preview);
      assertTrue(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-"), "the preview is a PDF");
      click(sam, sam.findElement(By.xpath("//label[contains(normalize-space(.), 'Send back to Revise')]")));
      WebElement why = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//label[contains(., 'What must change')]/following::textarea[1]")));
      why.sendKeys(comment);
      screenshot(sam, "publish-send-back");
      click(sam, sam.findElement(By.xpath("//button[@type='submit' and normalize-space()='Complete']")));
      awaitTaskCompleted(app, publishId);
      step(launch, "sam saw the change and the preview in Publish and sent the revision back");
    } catch (Throwable failure) {
      screenshot(sam, "failure-sam-publish");
      Files.writeString(RunningApp.OUTPUT.resolve("failure-sam-publish.html"), sam.getPageSource());
      throw failure;
    } finally {
      sam.quit();
    }
    String reviseId = awaitTask(app, processInstanceId, "Task_ReviseChecklist");
    WebDriverWait wait = new WebDriverWait(tina, UI_TIMEOUT);
    tina.navigate().refresh();
    showFilter(tina, "My tasks");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')]"
        + "//h4[contains(@class,'task')]/a[starts-with(normalize-space(), 'Revise checklist')]"))).click();
    wait.until(driver -> driver.getCurrentUrl().contains("task=" + reviseId));
    WebElement sentBack = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sentBack")));
    assertTrue(sentBack.getText().contains(comment), "Revise shows sam's comment: " + sentBack.getText());
    screenshot(tina, "revise-sent-back");
    step(launch, "tina has Revise again with the comment");
  }

  /**
   * sam opens the cycle board from Tasklist's header (no second login), finds the client's row with
   * Execute done by tina, and opens the filed record's PDF and a published checklist from the board
   * with the same session.
   */
  /**
   * sam rewords the first item of the client's latest revision (tina's, sent back) over the API and
   * publishes it: the new text.
   */
  private static String publishRewordedRevision(RunningApp app, String slug) throws IOException {
    int latest = 0;
    for (JsonNode revision : json(app.get("/api/clients/" + slug + "/checklist/revisions", "sam"))) {
      latest = Math.max(latest, revision.path("number").asInt());
    }
    JsonNode current = json(app.get("/api/clients/" + slug + "/checklist/revisions/" + latest, "sam"));
    assertTrue(current.path("items").size() > 0, "the latest revision has items: " + current);
    ObjectNode first = (ObjectNode) current.path("items").get(0);
    String reworded = first.path("text").asText() + " (and note how long it took)";
    first.put("text", reworded);
    ObjectNode request = JSON.createObjectNode();
    request.put("baseRevision", current.path("number").asInt());
    request.set("items", current.path("items"));
    request.put("changeNote", "Note how long the first check took");
    HttpResponse<String> made = app.postJson("/api/clients/" + slug + "/checklist/revisions", "sam", request.toString());
    assertEquals(201, made.statusCode(), "sam revises the checklist: " + made.body());
    int number = json(made).path("revision").path("number").asInt();
    HttpResponse<String> published = app.postJson("/api/clients/" + slug + "/checklist/revisions/" + number + "/publish", "sam", "");
    assertEquals(200, published.statusCode(), "sam publishes it: " + published.body());
    return reworded;
  }

  private static void cycleBoardAsServiceManager(RunningApp app, Launch launch, String clientName, String reworded,
      String processInstanceId) throws IOException {
    WebDriver sam = startChromium(launch, "sam");
    try {
      logIn(app, sam, "sam");
      WebDriverWait wait = new WebDriverWait(sam, UI_TIMEOUT);
      wait.until(ExpectedConditions.elementToBeClickable(By.id("mmc-cycle-board-link"))).click();
      wait.until(driver -> driver.getCurrentUrl().endsWith("/mmc/"));
      WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
          By.xpath("//table[@id='board']/tbody/tr[td[1][starts-with(normalize-space(), " + xpathLiteral(clientName) + ")]]")));
      assertTrue(row.getText().contains("by tina"), "the board shows who executed: " + row.getText());
      assertTrue(sam.findElement(By.id("csv")).getDomAttribute("href").contains("format=csv"), "the CSV link");
      WebElement visit = wait.until(ExpectedConditions.presenceOfElementLocated(
          By.xpath("//table[@id='visits']/tbody/tr[td[2][normalize-space() = " + xpathLiteral(clientName) + "]]")));
      assertTrue(visit.getText().contains("done") && visit.getText().contains("on-site"), "the month's visit: " + visit.getText());
      // the filed record (filed by the job executor a moment after the completion), searched by client name
      String filedPdf = new WebDriverWait(sam, TASK_TIMEOUT).pollingEvery(Duration.ofSeconds(1)).until(driver -> {
        driver.findElement(By.id("archiveSearch")).click();
        // read in one script: the search redraws the table when its answer comes
        return (String) ((JavascriptExecutor) driver).executeScript(
            "var rows = document.querySelectorAll('#archive tbody tr');"
                + "for (var i = 0; i < rows.length; i++) { var cells = rows[i].querySelectorAll('td'); var link = rows[i].querySelector('a');"
                + "  if (cells.length && cells[0].textContent.trim() === arguments[0] && link) { return link.getAttribute('href'); } }"
                + "return null;", clientName);
      });
      assertPdfInSession(sam, filedPdf);
      String publishedPdf = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//table[@id='published']/tbody/tr[td[1][normalize-space() = "
          + xpathLiteral(clientName) + "]]//a"))).getDomAttribute("href");
      assertPdfInSession(sam, publishedPdf);
      // what the published revision changed: the reworded item, as a sentence, under the client's row
      sam.findElement(By.xpath("//table[@id='published']/tbody/tr[td[1][normalize-space() = " + xpathLiteral(clientName) + "]]//button[@class='changes']"))
          .click();
      WebElement changes = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#published td.changes-list")));
      assertTrue(changes.getText().contains(" reworded") && changes.getText().contains("→ " + reworded),
          "the board says what the published revision changed: " + changes.getText());
      screenshot(sam, "board-" + launch.name().toLowerCase());
      // an open job's cell leads to its task in Tasklist
      List<String> openTasks = new ArrayList<>();
      json(app.get("/engine-rest/task?processInstanceId=" + processInstanceId, "demo")).forEach(task -> openTasks.add(task.path("id").asText()));
      sam.findElement(By.xpath("//table[@id='board']/tbody/tr[td[1][starts-with(normalize-space(), " + xpathLiteral(clientName)
          + ")]]//a[@class='task-link']")).click();
      String opened = wait.until(ExecuteChecklistBrowserIT::taskInUrl);
      assertTrue(openTasks.contains(opened), "the board's link opens one of the cycle's open tasks " + openTasks + " in Tasklist: " + opened);
      step(launch, "sam sees " + clientName + " on the cycle board, opens its filed record, its published checklist and an open task");
    } finally {
      sam.quit();
    }
  }

  /** The link opens a PDF in this browser's session (no Basic dialog: the request carries no credentials but the session's). */
  private static void assertPdfInSession(WebDriver browser, String href) {
    Object answer = ((JavascriptExecutor) browser).executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) { return r.arrayBuffer().then(function (b) {"
            + "  done(r.status + ' ' + r.headers.get('Content-Type') + ' ' + String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 5)))); }); })"
            + ".catch(function (e) { done('failed ' + e); });", href);
    assertEquals("200 application/pdf %PDF-", answer, "the PDF behind " + href);
  }

  private static String xpathLiteral(String value) {
    return value.contains("'") ? "\"" + value + "\"" : "'" + value + "'";
  }

  /**
   * Revise checklist, the second embedded form: the technician rewords the first item, writes the
   * change note and completes; the change becomes revision 2 of the client's checklist, unpublished.
   */
  private void reviseInTasklist(RunningApp app, WebDriver browser, Launch launch, String processInstanceId) throws Exception {
    WebDriverWait wait = new WebDriverWait(browser, UI_TIMEOUT);
    String reviseId = awaitTask(app, processInstanceId, "Task_ReviseChecklist");
    browser.navigate().refresh();
    showFilter(browser, "My tasks"); // after a restart the page was opened by the task's link, without a filter
    By reviseTask = By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')]//h4[contains(@class,'task')]/a[starts-with(normalize-space(), 'Revise checklist')]");
    wait.until(ExpectedConditions.elementToBeClickable(reviseTask)).click();
    wait.until(driver -> driver.getCurrentUrl().contains("task=" + reviseId));
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".disabled-form"), 0));
    WebElement firstText = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("textarea[name='text-0']")));
    String reworded = firstText.getDomProperty("value") + " (logs on D:)";
    firstText.sendKeys(" (logs on D:)");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.mmc-revise-items tbody tr:first-child .mmc-mark-reworded")));
    browser.findElement(By.id("revisionFilter")).sendKeys("logs on D:");
    wait.until(driver -> driver.findElements(By.cssSelector("table.mmc-revise-items tbody tr")).stream().filter(WebElement::isDisplayed).count() == 1);
    browser.findElement(By.id("revisionFilter")).clear();
    browser.findElement(By.id("changeNote")).sendKeys("Logs moved from C: to D:");
    screenshot(browser, "revised-" + launch.name().toLowerCase());
    click(browser, browser.findElement(By.xpath("//button[@type='submit' and normalize-space()='Complete']")));

    awaitTaskCompleted(app, reviseId);
    step(launch, "revised");
    assertEquals(true, historicValue(app, processInstanceId, "checklistChanged").path("value").asBoolean());
    int revision = historicValue(app, processInstanceId, "checklistRevision").path("value").asInt();
    assertEquals(2, revision, "the change is revision 2");
    String slug = historicValue(app, processInstanceId, "clientSlug").path("value").asText();
    JsonNode stored = json(app.get("/api/clients/" + slug + "/checklist/revisions/" + revision, "demo"));
    assertEquals(reworded, stored.path("items").path(0).path("text").asText(), "the reworded item is stored: " + stored);
    assertEquals("Logs moved from C: to D:", stored.path("changeNote").asText());
  }

  /**
   * On a phone's width (390 px), the first device's header and the progress stay on screen while its last
   * row is in view, and each answer button is a finger's height; then back to the desktop size.
   */
  private static void phoneLayout(WebDriver browser, Launch launch) {
    Dimension desktop = browser.manage().window().getSize();
    browser.manage().window().setSize(new Dimension(390, 844));
    try {
      // as a thumb does: the form's top to the top of the screen, then down the first device's rows to its last
      ((JavascriptExecutor) browser).executeScript(
          "document.querySelector('form .mmc-summary').scrollIntoView({block: 'start'});"
              + "var items = document.querySelector('form .mmc-items');"
              + "var rows = items.querySelector('.mmc-device-group').querySelectorAll('.mmc-item');"
              + "items.scrollTop += rows[rows.length - 1].getBoundingClientRect().top - items.getBoundingClientRect().top - 120;");
      RunningApp.sleep(500);
      Map<?, ?> seen = (Map<?, ?>) ((JavascriptExecutor) browser).executeScript(
          "var group = document.querySelector('form .mmc-device-group');"
              + "var rows = group.querySelectorAll('.mmc-item'); var row = rows[rows.length - 1];"
              + "var header = group.querySelector('.mmc-device').getBoundingClientRect();"
              + "var summary = document.querySelector('form .mmc-summary').getBoundingClientRect();"
              + "var button = row.querySelector('.mmc-choice span').getBoundingClientRect();"
              + "var clipping = []; for (var e = group.parentElement; e; e = e.parentElement) {"
              + "  var style = getComputedStyle(e); if (style.overflowY !== 'visible') { clipping.push(e.tagName + '.' + e.className + ':' + style.overflowY); } }"
              + "var box = document.querySelector('form .mmc-items').getBoundingClientRect();"
              + "return {header: header.top, summaryTop: summary.top, summaryBottom: summary.bottom, row: row.getBoundingClientRect().top,"
              + " rowsBottom: box.bottom, viewport: window.innerHeight, buttonHeight: button.height,"
              + " width: document.documentElement.clientWidth, clipping: clipping.join(' | ')};");
      screenshot(browser, "phone-" + launch.name().toLowerCase());
      assertTrue(((Number) seen.get("summaryTop")).doubleValue() >= -1
          && ((Number) seen.get("header")).doubleValue() >= ((Number) seen.get("summaryBottom")).doubleValue() - 1,
          "the progress and the device header stay on screen: " + seen);
      assertTrue(((Number) seen.get("row")).doubleValue() > ((Number) seen.get("header")).doubleValue()
          && ((Number) seen.get("row")).doubleValue() < ((Number) seen.get("rowsBottom")).doubleValue(), "the row is in view below its header: " + seen);
      assertTrue(((Number) seen.get("rowsBottom")).doubleValue() <= ((Number) seen.get("viewport")).doubleValue() + 1, "the rows fit the screen: " + seen);
      assertTrue(((Number) seen.get("buttonHeight")).doubleValue() >= 44, "a finger-sized answer button: " + seen);
      step(launch, "on a phone's width the device header and the progress stay on screen: " + seen);
    } finally {
      browser.manage().window().setSize(desktop);
    }
  }

  /** How many answers the test leaves in the draft before the reload, the second browser and the restart. */
  private static final int DRAFTED = 30;

  private static void logIn(RunningApp app, WebDriver browser, String user) {
    WebDriverWait wait = new WebDriverWait(browser, UI_TIMEOUT);
    browser.get(app.baseUrl() + "/camunda/app/tasklist/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("form button[type='submit']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
  }

  /** One of Tasklist's filters selected ("My tasks", "My group's tasks"). */
  private static void showFilter(WebDriver browser, String name) {
    WebDriverWait wait = new WebDriverWait(browser, UI_TIMEOUT);
    String literal = xpathLiteral(name);
    By filter = By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[starts-with(normalize-space(), " + literal + ")]");
    wait.until(ExpectedConditions.elementToBeClickable(filter)).click();
    wait.until(ExpectedConditions.attributeContains(
        By.xpath("//div[contains(@class,'task-filter')][.//h4/a[starts-with(normalize-space(), " + literal + ")]]"), "class", "active"));
  }

  /** How often a timed wait looks (a WebDriver call takes a few milliseconds; the default looks every 500 ms). */
  private static final Duration READY_POLL = Duration.ofMillis(20);
  private static final Path TIMINGS = Path.of("target", "browser-it", "timings.txt");

  /**
   * A time a person waits, from {@code since} to now, added to target/browser-it/timings.txt (measured
   * here as the browser really runs; reported in docs/performance.md, not asserted: tests stay deterministic).
   */
  private static void timing(Launch launch, String what, long since, String requests) {
    String line = String.format(Locale.ROOT, "%s: %s: %.0f ms; slowest requests: %s%n", launch.name().toLowerCase(Locale.ROOT), what,
        (System.nanoTime() - since) / 1e6, requests);
    step(launch, line.trim());
    try {
      Files.createDirectories(TIMINGS.getParent());
      Files.writeString(TIMINGS, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page's clock (performance.now(), ms since the page was loaded), its list of requests emptied. */
  private static double pageNow(WebDriver browser) {
    return ((Number) ((JavascriptExecutor) browser).executeScript(
        "performance.clearResourceTimings(); performance.clearMarks(); performance.setResourceTimingBufferSize(1000);"
            + " return performance.now()")).doubleValue();
  }

  /**
   * The page's five slowest requests that started after {@code since} (page clock): path, start and
   * duration; then the Execute form's own marks (variables there, rows rendered, draft applied).
   */
  private static String requestsSince(WebDriver browser, double since) {
    return String.valueOf(((JavascriptExecutor) browser).executeScript(
        "var since = arguments[0]; return performance.getEntriesByType('resource').filter(function (e) { return e.startTime >= since; })"
            + ".sort(function (a, b) { return b.duration - a.duration; }).slice(0, 5)"
            + ".map(function (e) { return e.name.replace(/^https?:\\/\\/[^\\/]+/, '').replace(/[?].*/, '')"
            + " + ' @' + Math.round(e.startTime - since) + ' ' + Math.round(e.duration) + ' ms'; }).join(', ')"
            + " + '; the form\\'s marks: ' + performance.getEntriesByType('mark').filter(function (m) {"
            + " return m.name.indexOf('mmc-') === 0 && m.startTime >= since; })"
            + ".map(function (m) { return m.name + ' @' + Math.round(m.startTime - since); }).join(', ');", since));
  }

  private static final Pattern TASK_IN_URL = Pattern.compile("[?&]task=([0-9a-fA-F-]{36})");

  /** The task Tasklist shows (its id in the page's address), or null while it shows none. */
  private static String taskInUrl(WebDriver browser) {
    Matcher matcher = TASK_IN_URL.matcher(browser.getCurrentUrl());
    return matcher.find() ? matcher.group(1) : null;
  }

  /** The task's form, opened by its link (as from a mail or a second device). */
  private static void openTask(RunningApp app, WebDriver browser, String taskId) {
    browser.get(app.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId);
    new WebDriverWait(browser, UI_TIMEOUT, READY_POLL).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form .mmc-item[data-item-id]")));
  }

  /** One row answered like a person does: the status clicked, the note (if any) typed. */
  private static void answer(WebDriver browser, int row, String status, String note) {
    List<?> controls = (List<?>) ((JavascriptExecutor) browser).executeScript(
        "var row = document.querySelectorAll(arguments[0])[arguments[1]];"
            + "row.scrollIntoView({block: 'center'});"
            + "return [row.querySelector('input[type=radio][value=' + arguments[2] + ']').closest('label'),"
            + " row.querySelector('.mmc-note')];",
        "form .mmc-item[data-item-id]", row, status);
    ((WebElement) controls.get(0)).click();
    if (note != null) {
      ((WebElement) controls.get(1)).sendKeys(note);
    }
  }

  /** The form shows exactly these first rows answered (status and note), and no other row. */
  private static void awaitAnswered(WebDriver browser, List<String> statuses, List<String> notes) {
    new WebDriverWait(browser, UI_TIMEOUT, READY_POLL).until(driver -> ((Number) ((JavascriptExecutor) driver).executeScript(
        "return document.querySelectorAll('form .mmc-item input[type=radio]:checked').length")).intValue() == statuses.size());
    List<?> shown = (List<?>) ((JavascriptExecutor) browser).executeScript(
        "return Array.prototype.slice.call(document.querySelectorAll('form .mmc-item[data-item-id]'), 0, arguments[0]).map(function (row) {"
            + " var checked = row.querySelector('input[type=radio]:checked');"
            + " return (checked ? checked.value : '') + '|' + row.querySelector('.mmc-note').value; });", statuses.size());
    for (int i = 0; i < statuses.size(); i++) {
      assertEquals(statuses.get(i) + "|" + (notes.get(i) == null ? "" : notes.get(i)), shown.get(i), "row " + i + " as restored from the draft");
    }
    assertTrue(browser.findElement(By.cssSelector(".mmc-counts")).getText().contains(statuses.size() + " of "),
        "the progress counts the restored answers: " + browser.findElement(By.cssSelector(".mmc-counts")).getText());
  }

  /** The draft on the server has the answers (the form saves a moment after the last change). */
  private static void awaitDraftOnServer(RunningApp app, String taskId, int answers) throws IOException {
    Instant deadline = Instant.now().plus(UI_TIMEOUT);
    JsonNode draft = null;
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> response = app.get("/api/tasks/" + taskId + "/draft", "tina");
      if (response.statusCode() == 200) {
        draft = JSON.readTree(response.body());
        if (draft.path("draft").path("answers").size() == answers) {
          return;
        }
      }
      RunningApp.sleep(300);
    }
    fail("the draft of " + taskId + " never had " + answers + " answers: " + draft);
  }

  private static String awaitTask(RunningApp app, String processInstanceId, String taskKey) throws IOException {
    Instant deadline = Instant.now().plus(TASK_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      JsonNode tasks = json(app.get("/engine-rest/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + taskKey, "demo"));
      if (tasks.size() > 0) {
        return tasks.path(0).path("id").asText();
      }
      RunningApp.sleep(500);
    }
    fail("no " + taskKey + " in " + processInstanceId + " within " + TASK_TIMEOUT + "\n" + app.logTail());
    return null;
  }

  private static String openMonth(RunningApp app) throws IOException {
    String month = YearMonth.now(ZoneId.of("Europe/Berlin")).toString();
    HttpResponse<String> opened = app.post("/api/cycles/open?month=" + month, "sam");
    assertEquals(202, opened.statusCode(), "sam opens " + month + ": " + opened.body());
    assertTrue(json(opened).path("clients").asInt() > 0, "no client cycle was opened: " + opened.body());
    return month;
  }

  private static void awaitTechnicianTask(RunningApp app) throws IOException {
    Instant deadline = Instant.now().plus(TASK_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      scheduleProposedVisits(app);
      JsonNode tasks = json(app.get("/engine-rest/task?taskDefinitionKey=Task_ExecuteChecklist&assignee=tina", "demo"));
      if (tasks.size() > 0) {
        return;
      }
      RunningApp.sleep(500);
    }
    fail("no Execute checklist task for tina within " + TASK_TIMEOUT + "\n" + app.logTail());
  }

  /** The service manager keeps every proposed visit date (Schedule visit comes before Execute). */
  private static void scheduleProposedVisits(RunningApp app) throws IOException {
    for (JsonNode task : json(app.get("/engine-rest/task?taskDefinitionKey=Task_ScheduleVisit", "sam"))) {
      String id = task.path("id").asText();
      String proposed = json(app.get("/engine-rest/task/" + id + "/variables/proposedVisitDate", "sam")).path("value").asText();
      HttpResponse<String> done = app.postJson("/engine-rest/task/" + id + "/complete", "sam",
          "{\"variables\":{\"visitDate\":{\"value\":\"" + proposed + "\",\"type\":\"String\"}}}");
      assertEquals(204, done.statusCode(), "sam keeps the proposed visit date " + proposed + ": " + done.body());
    }
  }

  private static void awaitTaskCompleted(RunningApp app, String taskId) throws IOException {
    Instant deadline = Instant.now().plus(UI_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (app.get("/engine-rest/task/" + taskId, "demo").statusCode() == 404) {
        return;
      }
      RunningApp.sleep(300);
    }
    fail("the task " + taskId + " was not completed within " + UI_TIMEOUT);
  }

  private static List<Map<String, Object>> checklistItems(RunningApp app, String processInstanceId) throws IOException {
    HttpResponse<String> response = app.get("/engine-rest/process-instance/" + processInstanceId
        + "/variables/checklistItems?deserializeValue=false", "demo");
    assertEquals(200, response.statusCode(), response.body());
    JsonNode variable = json(response);
    assertEquals("Json", variable.path("type").asText(), "checklistItems must be a Json variable");
    return JSON.readValue(variable.path("value").asText(), new TypeReference<>() {});
  }

  /** The stored value, from history (the cycle may have moved on or ended). */
  private static String checklistItemsRaw(RunningApp app, String processInstanceId) throws IOException {
    JsonNode variable = historicValue(app, processInstanceId, "checklistItems");
    assertEquals("Json", variable.path("type").asText(), "checklistItems must stay a Json variable: " + variable);
    return variable.path("value").asText();
  }

  private static JsonNode historicValue(RunningApp app, String processInstanceId, String name) throws IOException {
    JsonNode found = json(app.get("/engine-rest/history/variable-instance?deserializeValues=false&processInstanceId="
        + processInstanceId + "&variableName=" + URLEncoder.encode(name, StandardCharsets.UTF_8), "demo"));
    assertEquals(1, found.size(), "one variable " + name + " in " + processInstanceId + ": " + found);
    JsonNode variable = found.get(0);
    assertNotNull(variable);
    return variable;
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    assertTrue(response.statusCode() / 100 == 2, response.uri() + " answered " + response.statusCode() + ": " + response.body());
    return JSON.readTree(response.body());
  }

  private static WebDriver startChromium(Launch launch, String name) throws IOException {
    Path profile = Files.createTempDirectory("mmc-chromium-");
    profile.toFile().deleteOnExit();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--window-size=1440,1400", "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withLogFile(RunningApp.OUTPUT.resolve("chromedriver-" + launch.name().toLowerCase() + "-" + name + ".log").toFile())
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1440, 1400));
    return driver;
  }

  /**
   * A real click, after scrolling the element to the middle of its pane: Selenium scrolls it only to
   * the bottom edge, where Tasklist's fixed footer would take the click.
   */
  private static void click(WebDriver browser, WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
    element.click();
  }

  /** Tasklist scrolls the task's form in its own pane: bring the top or the end of the form into view. */
  private static void scrollFormTo(WebDriver browser, String where) {
    ((JavascriptExecutor) browser).executeScript(
        "var form = document.querySelector('form .mmc-item') && document.querySelector('form.mmc-execute-checklist');"
            + "if (!form) return;"
            + "var pane = form; while (pane && pane.scrollHeight <= pane.clientHeight + 1) { pane = pane.parentElement; }"
            + "if (!pane) return;"
            + "pane.scrollTop = arguments[0] === 'top' ? 0 : pane.scrollHeight;", where);
  }

  private static void screenshot(WebDriver browser, String name) {
    try {
      Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(file, RunningApp.OUTPUT.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (RuntimeException | IOException e) {
      System.err.println("no screenshot " + name + ": " + e);
    }
  }
}
