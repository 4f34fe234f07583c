package org.mmccycle.onboarding;

import jakarta.validation.Valid;
import java.time.YearMonth;
import java.time.Clock;
import org.mmccycle.security.CurrentUser;
import org.mmccycle.security.MmcGroups;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.mmccycle.validation.Texts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Service managers onboard clients one by one or import them from a PSA export (CSV). */
@RestController
public class OnboardingController {

  private final ClientOnboarding onboarding;
  private final ClientCsvImport csvImport;
  private final CurrentUser currentUser;
  private final Clock clock;

  public OnboardingController(ClientOnboarding onboarding, ClientCsvImport csvImport, CurrentUser currentUser,
      Clock clock) {
    this.onboarding = onboarding;
    this.csvImport = csvImport;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** Creates the client with its devices and its checklist's revision 1 (published). */
  @PostMapping("/api/clients")
  @ResponseStatus(HttpStatus.CREATED)
  public ClientOnboarding.Onboarded create(@Valid @RequestBody NewClient client) {
    currentUser.requireAnyGroup(MmcGroups.SERVICE_MANAGERS);
    return onboarding.onboard(client, currentUser.id(), YearMonth.now(clock));
  }

  /** Imports the CSV whole or not at all (400 listing each bad line). */
  @PostMapping(path = "/api/import/clients", consumes = {"text/csv", "text/plain"})
  public ClientCsvImport.Imported importClients(@RequestBody byte[] csv,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
    currentUser.requireAnyGroup(MmcGroups.SERVICE_MANAGERS);
    Charset charset = contentType.getCharset() == null ? StandardCharsets.UTF_8 : contentType.getCharset();
    return csvImport.importCsv(Texts.decode(csv, charset), currentUser.id(), YearMonth.now(clock));
  }
}
