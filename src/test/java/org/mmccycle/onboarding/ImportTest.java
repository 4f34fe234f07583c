package org.mmccycle.onboarding;

import org.mmccycle.MmcSpringBootTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmccycle.TestUsers;
import org.mmccycle.checklist.ChecklistRevisionRepository;
import org.mmccycle.checklist.ChecklistRevisions;
import org.mmccycle.checklist.ChecklistTemplates;
import org.mmccycle.client.ClientRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

class ImportTest extends MmcSpringBootTest {

  private static final YearMonth MONTH = YearMonth.parse("2026-11");
  private static final String HEADER = "client_slug,client_name,contact,site_address,technician,device_name,device_kind\n";

  @Autowired ClientCsvImport csvImport;
  @Autowired ChecklistTemplates templates;
  @Autowired ClientRepository clients;
  @Autowired ChecklistRevisionRepository revisionRows;
  @Autowired ChecklistRevisions revisions;
  @Autowired IdentityService identity;

  @BeforeEach
  void technicians() {
    TestUsers.technicians(identity);
  }

  private long[] rows() {
    return new long[] {clients.count(), clients.countDevices(), revisionRows.countRevisions(), revisionRows.countItems()};
  }

  @Test
  void importsAGoodFileWithClientsDevicesAndFirstRevisions() {
    String csv = HEADER
        + "imp-alpha,Alpha GmbH,Anna,\"Hauptstr. 1, Berlin\",tina,ALPHA-SRV01,server\r\n"
        + "imp-alpha,Alpha GmbH,Anna,\"Hauptstr. 1, Berlin\",tina,ALPHA-PRN,Printer\n"
        + "imp-beta,Beta Ltd,,,tom,BETA-FW,network\n";

    var imported = csvImport.importCsv(csv, "sam", MONTH);

    assertThat(imported.clients()).isEqualTo(2);
    assertThat(imported.devices()).isEqualTo(3);
    assertThat(clients.find("imp-alpha").orElseThrow().siteAddress()).isEqualTo("Hauptstr. 1, Berlin");
    assertThat(clients.devicesOf("imp-alpha")).hasSize(2);
    assertThat(revisions.current("imp-beta").number()).isEqualTo(1);
  }

  @Test
  void aBadRowRejectsTheWholeFileNamingEachLine() {
    long[] before = rows();
    String csv = HEADER
        + "imp-gamma,Gamma AG,,,tina,GAMMA-SRV,server\n"
        + "imp-gamma,Gamma AG,,,tina,GAMMA-X,toaster\n"
        + "../etc,Evil,,,tina,X,server\n"
        + "imp-delta,Delta\n";

    assertThatThrownBy(() -> csvImport.importCsv(csv, "sam", MONTH))
        .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems()).containsExactly(
            "line 3: devices[1].kind: unknown device kind 'toaster' (expected one of server, storage, printer, network, workstation)",
            "line 4: slug '../etc' must be lower-case letters and digits in words joined by single hyphens (like harbour-dental)",
            "line 5: 2 fields, expected 7"));
    assertThat(rows()).isEqualTo(before);
    assertThat(clients.exists("imp-gamma")).isFalse();
  }

  @Test
  void refusesAWrongHeaderAndAClientThatExists() {
    long[] before = rows();
    assertThatThrownBy(() -> csvImport.importCsv("slug,name\nx,y\n", "sam", MONTH)).hasMessageContaining("line 1: the header is slug,name");
    csvImport.importCsv(HEADER + "imp-epsilon,Epsilon,,,tina,E1,server\n", "sam", MONTH);
    long[] afterFirst = rows();
    assertThatThrownBy(() -> csvImport.importCsv(HEADER + "imp-zeta,Zeta,,,tina,Z1,server\nimp-epsilon,Epsilon,,,tina,E2,server\n", "sam", MONTH))
        .hasMessageContaining("line 3: a client with the slug 'imp-epsilon' already exists");
    assertThat(rows()).isEqualTo(afterFirst);
    assertThat(before[0] + 1).isEqualTo(afterFirst[0]);
  }

  @Test
  void importsAYamlTemplateAsTheNextVersionAndRefusesABadOneWhole() throws IOException {
    int version = templates.current().version();
    String yaml = """
        name: Small template
        sections:
          - key: backup
            title: Backups
            appliesTo: [SERVER]
            items:
              - key: backup-jobs
                text: Every backup job finished
              - key: restore-test
                text: Restore a file
                frequency: QUARTERLY
                months: [3, 6, 9, 12]
          - key: site
            title: Site
            appliesTo: [SITE]
            items:
              - key: site-walk
                text: Walk round the office
                onSiteRequired: true
        """;
    String bad = yaml.replace("months: [3, 6, 9, 12]", "months: [3, 4, 9, 12]");

    assertThatThrownBy(() -> templates.importTemplate(bad, true, "sam")).hasMessageContaining("section 1 (backup) item 2")
        .hasMessageContaining("every three months");
    assertThat(templates.current().version()).isEqualTo(version);
    assertThatThrownBy(() -> templates.importTemplate("{\"name\": \"x\", \"sections\": [", false, "sam")).hasMessageContaining("not valid JSON");

    try {
      var imported = templates.importTemplate(yaml, true, "sam");

      assertThat(imported.version()).isEqualTo(version + 1);
      assertThat(templates.current().name()).isEqualTo("Small template");
      csvImport.importCsv(HEADER + "imp-eta,Eta,,,tina,ETA-SRV,server\n", "sam", MONTH);
      assertThat(revisions.current("imp-eta").items()).hasSize(3);
      assertThat(revisions.current("imp-eta").templateVersion()).isEqualTo(version + 1);
    } finally {
      // the other tests in this context expect the standard template: import it again as the next version
      templates.importTemplate(new String(new ClassPathResource("checklist/standard-template.json").getContentAsByteArray(),
          StandardCharsets.UTF_8), false, "sam");
    }
  }
}
