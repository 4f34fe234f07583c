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
  private static final MediaType SVG = MediaType.valueOf("image/svg+xml");
  private static final Logger LOG = LoggerFactory.getLogger(BrandController.class);

  private final BrandSettings brand;

  public BrandController(BrandSettings brand) {
    this.brand = brand;
  }

  @GetMapping("/brand/logo")
  public ResponseEntity<byte[]> logo() throws IOException {
    String file = brand.logo() == null ? "" : brand.logo().trim();
    MediaType type = file.isEmpty() ? null : type(file);
    if (!file.isEmpty() && (type == null || !Files.isReadable(Path.of(file)))) {
      LOG.warn("mmc.brand.logo: {} {}; the product's logo is shown", file,
          type == null ? "is not a .png, .jpg or .svg file" : "cannot be read");
      file = "";
    }
    byte[] bytes;
    if (file.isEmpty()) {
      try (InputStream in = new ClassPathResource("brand/mmc-cycle.svg").getInputStream()) {
        bytes = in.readAllBytes();
      }
      type = SVG;
    } else {
      bytes = Files.readAllBytes(Path.of(file));
    }
    // an image, never a page: an SVG opened at this address runs no script and loads nothing
    return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
        .header("X-Content-Type-Options", "nosniff")
        .body(bytes);
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

  /** The logo's type by its name; null when it is none of PNG, JPEG and SVG. */
  static MediaType type(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".svg")) {
      return SVG;
    }
    if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
      return MediaType.IMAGE_JPEG;
    }
    return lower.endsWith(".png") ? MediaType.IMAGE_PNG : null;
  }
}
