package org.mmccycle.checklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mmccycle.client.DeviceKind;
import org.mmccycle.validation.Texts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versioned checklist template. Until one is imported the standard template in the jar is in
 * force; each import (JSON or YAML) is checked whole and stored as the next version.
 */
@Service
public class ChecklistTemplates {

  private final JdbcClient jdbc;
  private final ChecklistService standard;
  private final ObjectMapper json;
  private final ObjectMapper yaml;

  public ChecklistTemplates(JdbcClient jdbc, ChecklistService standard, ObjectMapper json) {
    this.jdbc = jdbc;
    this.standard = standard;
    this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.yaml = new ObjectMapper(new YAMLFactory()).findAndRegisterModules()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** The template in force: the newest imported version, else the standard template. */
  public StandardTemplate current() {
    Optional<String> content = jdbc.sql("select content from mmc_checklist_template order by version desc fetch first 1 rows only")
        .query(String.class).optional();
    if (content.isEmpty()) {
      return standard.template();
    }
    try {
      return json.readValue(content.get(), StandardTemplate.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the stored checklist template cannot be read", e);
    }
  }

  /**
   * Imports a template (YAML when {@code yamlFormat}, else JSON) as the next version; nothing is
   * stored unless the whole template is valid.
   *
   * @throws IllegalArgumentException saying where the template is wrong
   */
  @Transactional
  public StandardTemplate importTemplate(String content, boolean yamlFormat, String importedBy) {
    StandardTemplate parsed;
    try {
      parsed = (yamlFormat ? yaml : json).readValue(content, StandardTemplate.class);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      throw new IllegalArgumentException("the template is not valid " + (yamlFormat ? "YAML" : "JSON") + where + ": " + e.getOriginalMessage());
    }
    if (parsed == null) {
      throw new IllegalArgumentException("the template is empty");
    }
    validate(parsed);
    int version = Math.max(current().version(), jdbc.sql("select coalesce(max(version), 0) from mmc_checklist_template")
        .query(Integer.class).single()) + 1;
    StandardTemplate stored = new StandardTemplate(parsed.name().trim(), version, parsed.sections());
    try {
      jdbc.sql("insert into mmc_checklist_template (version, name, content, imported_by) values (?, ?, ?, ?)")
          .params(version, stored.name(), json.writeValueAsString(stored), importedBy)
          .update();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return stored;
  }

  static void validate(StandardTemplate template) {
    Texts.requireText("template name", template.name(), Texts.NAME_MAX, true, false);
    if (template.sections() == null || template.sections().isEmpty()) {
      throw new IllegalArgumentException("the template has no sections");
    }
    Set<String> sectionKeys = new HashSet<>();
    Set<String> itemKeys = new HashSet<>();
    for (int s = 0; s < template.sections().size(); s++) {
      StandardTemplate.Section section = template.sections().get(s);
      String where = "section " + (s + 1);
      if (section == null) {
        throw new IllegalArgumentException(where + " is empty");
      }
      Texts.requireSlug(where + " key", section.key());
      if (!sectionKeys.add(section.key())) {
        throw new IllegalArgumentException(where + ": the key '" + section.key() + "' is used twice");
      }
      Texts.requireText(where + " title", section.title(), Texts.NAME_MAX, true, false);
      List<String> kinds = section.appliesTo();
      if (kinds == null || kinds.isEmpty()) {
        throw new IllegalArgumentException(where + " (" + section.key() + ") applies to no device kind: name SITE or a device kind");
      }
      for (String kind : kinds) {
        if (!StandardTemplate.SITE.equals(kind)) {
          try {
            DeviceKind.valueOf(kind);
          } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(where + " (" + section.key() + ") applies to '" + kind
                + "', which is not SITE, SERVER, STORAGE, PRINTER, NETWORK or WORKSTATION");
          }
        }
      }
      if (section.items() == null || section.items().isEmpty()) {
        throw new IllegalArgumentException(where + " (" + section.key() + ") has no items");
      }
      for (int i = 0; i < section.items().size(); i++) {
        StandardTemplate.Item item = section.items().get(i);
        String itemWhere = where + " (" + section.key() + ") item " + (i + 1);
        if (item == null) {
          throw new IllegalArgumentException(itemWhere + " is empty");
        }
        Texts.requireSlug(itemWhere + " key", item.key());
        if (!itemKeys.add(item.key())) {
          throw new IllegalArgumentException(itemWhere + ": the key '" + item.key() + "' is used twice");
        }
        Texts.requireText(itemWhere + " text", item.text(), Texts.TEXT_MAX, true, true);
        try {
          Recurrence.of(item.frequency(), item.months(), 1);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(itemWhere + ": " + e.getMessage());
        }
      }
    }
  }
}
