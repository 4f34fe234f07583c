package org.mmccycle.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The MSP's brand in Camunda's web apps ({@link BrandSettings}): the logo at {@code /brand/logo} (the
 * apps' stylesheets show it in place of the vendor's, the login page included, so it answers without a
 * login), and each app's {@code scripts/config.js} with the MSP's name as the apps' vendor.
 */
@RestController
public class BrandController {

  private static final Set<String> APPS = Set.of("admin", "cockpit", "tasklist", "welcome");
  /** How our config.js files name the vendor; the brand's name replaces it. */
  static final String VENDOR_LINE = "vendor: 'MMC Cycle'";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(BrandController.class);

  private final BrandSettings brand;

  public BrandController(BrandSettings brand) {
    this.brand = brand;
  }

  @GetMapping("/brand/logo")
  public ResponseEntity<byte[]> logo() throws IOException {
    String file = brand.logo() == null ? "" : brand.logo().trim();
    byte[] bytes;
    String name;
    if (!file.isEmpty() && !Files.isReadable(Path.of(file))) {
      LOG.warn("mmc.brand.logo: {} cannot be read; the product's logo is shown", file);
      file = "";
    }
    if (file.isEmpty()) {
      try (InputStream in = new ClassPathResource("brand/mmc-cycle.svg").getInputStream()) {
        bytes = in.readAllBytes();
      }
      name = "mmc-cycle.svg";
    } else {
      bytes = Files.readAllBytes(Path.of(file));
      name = file;
    }
    return ResponseEntity.ok().contentType(type(name)).cacheControl(CacheControl.maxAge(Duration.ofHours(1))).body(bytes);
  }

  /** The app's own config.js (ours, in META-INF/resources), naming the MSP. */
  @GetMapping(value = "/camunda/app/{app}/scripts/config.js", produces = "application/javascript")
  public ResponseEntity<String> config(@PathVariable String app) throws IOException {
    if (!APPS.contains(app)) {
      throw new NotFoundException("no web app '" + app + "'");
    }
    String config;
    try (InputStream in = new ClassPathResource("META-INF/resources/webjars/camunda/app/" + app + "/scripts/config.js").getInputStream()) {
      config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return ResponseEntity.ok().contentType(MediaType.valueOf("application/javascript")).cacheControl(CacheControl.noCache())
        .body(withVendor(config, brand.name()));
  }

  /** The config with this vendor name, written as a JavaScript string whatever characters it has. */
  static String withVendor(String config, String vendor) {
    if (!config.contains(VENDOR_LINE)) {
      throw new IllegalStateException("a web app's config.js no longer names its vendor as " + VENDOR_LINE);
    }
    try {
      String literal = JSON.writeValueAsString(vendor == null || vendor.isBlank() ? "MMC Cycle" : vendor.strip())
          .replace("<", "\\u003c");
      return config.replace(VENDOR_LINE, "vendor: " + literal);
    } catch (JsonProcessingException cannotHappen) {
      throw new IllegalStateException(cannotHappen);
    }
  }

  private static MediaType type(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".svg")) {
      return MediaType.valueOf("image/svg+xml");
    }
    if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
      return MediaType.IMAGE_JPEG;
    }
    if (lower.endsWith(".png")) {
      return MediaType.IMAGE_PNG;
    }
    throw new IllegalStateException("mmc.brand.logo must be a .png, .jpg or .svg file, not " + name);
  }
}
