package org.mmccycle.checklist;

import org.mmccycle.security.CurrentUser;
import org.mmccycle.security.MmcGroups;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The checklist template: read by every MMC group, imported (JSON or YAML) by service managers. */
@RestController
public class TemplateController {

  private final ChecklistTemplates templates;
  private final CurrentUser currentUser;

  public TemplateController(ChecklistTemplates templates, CurrentUser currentUser) {
    this.templates = templates;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/checklist-template")
  public StandardTemplate current() {
    currentUser.requireAnyGroup(MmcGroups.ALL.toArray(String[]::new));
    return templates.current();
  }

  /** Imports a template as the next version: {@code application/json}, or YAML ({@code application/yaml}, {@code text/yaml}). */
  @PostMapping(path = "/api/import/template", consumes = {"application/json", "application/yaml", "application/x-yaml", "text/yaml"})
  @ResponseStatus(HttpStatus.CREATED)
  public StandardTemplate importTemplate(@RequestBody String content, @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
    currentUser.requireAnyGroup(MmcGroups.SERVICE_MANAGERS);
    return templates.importTemplate(content, contentType.toLowerCase().contains("yaml"), currentUser.id());
  }
}
