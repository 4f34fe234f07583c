package org.mmccycle.checklist;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mmccycle.client.ContractClient;
import org.mmccycle.client.Device;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/** Builds a client's checklist from the standard template: the template's sections for each device. */
@Service
public class ChecklistService {

  static final String TEMPLATE = "checklist/standard-template.json";
  static final String SITE_DEVICE = "Site";

  private final StandardTemplate template;

  public ChecklistService(ObjectMapper objectMapper) {
    try (InputStream in = new ClassPathResource(TEMPLATE).getInputStream()) {
      this.template = objectMapper.readValue(in, StandardTemplate.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the standard checklist " + TEMPLATE, e);
    }
  }

  public StandardTemplate template() {
    return template;
  }

  /** The client's checklist: site-wide sections once, then each device's sections, in template order. */
  public List<ChecklistItem> checklistFor(ContractClient client) {
    List<ChecklistItem> items = new ArrayList<>();
    for (Device device : client.devices()) {
      addSections(items, device.name(), device.kind().name(), device.kind().label());
    }
    addSections(items, SITE_DEVICE, StandardTemplate.SITE, SITE_DEVICE);
    return items;
  }

  private void addSections(List<ChecklistItem> items, String device, String kind, String kindLabel) {
    String deviceSlug = slug(device);
    for (StandardTemplate.Section section : template.sections()) {
      if (!section.appliesTo().contains(kind)) {
        continue;
      }
      for (StandardTemplate.Item item : section.items()) {
        items.add(new ChecklistItem(deviceSlug + "/" + item.key(), device, kindLabel, section.title(), item.text(), null, null));
      }
    }
  }

  static String slug(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug.isEmpty() ? "device" : slug;
  }
}
