package org.mmccycle.checklist;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Locale;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * The standard checklist shipped in the jar (until a template is imported), and how device names
 * become item ids. Clients' checklists are expanded from it by {@link ChecklistRevisions}.
 */
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

  static String slug(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug.isEmpty() ? "device" : slug;
  }
}
